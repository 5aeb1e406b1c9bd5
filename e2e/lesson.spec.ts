/**
 * The lesson journeys, in real Chromium on the production build, in English and in Korean (the
 * browser's locale picks the language): three lessons completed through the panel on one page —
 * `clusterip` (Services and selectors, a relabelled pod, kubectl expose), `nodeport` (external
 * clients, the extra hop, a cloud load balancer, keep-alive, the cloud turned off) and `ingress`
 * (paths, hosts, cookie affinity, TLS with a key and certificate made by openssl in the terminal) —
 * each with at least one step done by hand (typed into the terminal, or sent from the traffic bar)
 * and the others with "Do it"; progress that survives a reload, a link that opens the lesson at a
 * step, and presenter mode driven by the keyboard.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { LessonPanel } from './pages/LessonPanel.ts'
import type { LessonTexts } from './pages/LessonPanel.ts'
import './pages/testHooks.ts'

type Lang = 'en' | 'ko'

const TEXTS: Record<Lang, LessonTexts & { send: string; copyToolbarLink: string }> = {
  en: {
    lessonsButton: 'Lessons',
    lessonTitle: 'Services and label selectors',
    allLessons: '← All lessons',
    doIt: 'Do it',
    next: 'Next',
    passed: /^Check passed: /,
    checkPassed: 'Check: Passed',
    complete: /Lesson complete/,
    lessonComplete: '✓ Lesson complete: every check passed.',
    copyLink: 'Copy link to this step',
    resetStep: 'Reset step',
    stepOf: (i, n) => `Step ${i} of ${n}`,
    send: 'Send request',
    copyToolbarLink: 'Copy link',
  },
  ko: {
    lessonsButton: '레슨',
    lessonTitle: '서비스와 레이블 셀렉터',
    allLessons: '← 전체 레슨',
    doIt: '실행하기',
    next: '다음',
    passed: /^확인 통과: /,
    checkPassed: '확인: 통과',
    complete: /레슨 완료/,
    lessonComplete: '✓ 레슨 완료: 모든 확인을 통과했습니다.',
    copyLink: '이 단계 링크 복사',
    resetStep: '단계 초기화',
    stepOf: (i, n) => `${n}단계 중 ${i}단계`,
    send: '요청 보내기',
    copyToolbarLink: '링크 복사',
  },
}

/** axe finds no serious or critical violations. */
async function accessible(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(bad, `axe violations ${when}`).toEqual([])
}

/** Opens the app cold and waits for the diagram. */
async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await expect(page.locator('.react-flow__node[data-id="node:kind-worker"]')).toBeVisible()
}

/** The shown terminal tab's text (xterm.js draws rows; the app's test hook reads its buffer). */
const terminalText = (page: Page) => page.evaluate(() => window.__terminal?.text() ?? '')

/** A regular expression that matches `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Types a line into the workstation terminal as a user does, and waits until it has run. */
async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid="terminal-workstation"] .xterm-screen').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  // After the prompt: `$ ` on the workstation, `root@laptop:~# ` where the scenario puts it on a client.
  await expect.poll(() => terminalText(page)).toMatch(new RegExp(`[$#] ${literal(line)}\n`))
  await page.waitForFunction(() => window.__terminal !== undefined && !window.__terminal.busy())
}

/** A diagram element by its id (src/ui/diagram/ids.ts). */
const diagramNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`)

/** A lesson as the journey does it. */
interface Journey {
  id: string
  title: Record<Lang, string>
  /** Its step ids, in order. */
  steps: readonly string[]
  /** Steps the user does by hand (the others with "Do it"). */
  byHand: Readonly<Record<string, (page: Page, lang: Lang) => Promise<void>>>
  /**
   * Steps whose check wants a random outcome that "Do it" makes very likely but not certain: what
   * the user does when the check asks for more (the check's own advice), until it passes.
   */
  again?: Readonly<Record<string, (page: Page, lang: Lang) => Promise<void>>>
  /** What the page shows once a step passed (beyond the check). */
  after?: Readonly<Record<string, (page: Page) => Promise<void>>>
}

/** Sends one request from the traffic bar. */
async function sendFromBar(page: Page, lang: Lang, from: string, url: string): Promise<void> {
  await page.getByTestId('traffic-from').selectOption(from)
  await page.getByTestId('traffic-to').selectOption(url)
  await page.getByRole('button', { name: TEXTS[lang].send, exact: true }).click()
}

const JOURNEYS: readonly Journey[] = [
  {
    id: 'clusterip',
    title: { en: 'Services and label selectors', ko: '서비스와 레이블 셀렉터' },
    steps: ['cluster-ip', 'endpoints', 'relabel', 'expose', 'inside'],
    byHand: {
      // The check waits for the user's own command, then passes on its output.
      'cluster-ip': (page) => typeInTerminal(page, 'kubectl get svc kubia'),
    },
    after: {
      endpoints: async (page) => expect(await terminalText(page)).toContain('$ kubectl get endpoints kubia'),
      expose: (page) => expect(diagramNode(page, 'svc:default/kubia-exposed')).toBeVisible(),
      inside: async (page) => expect(await terminalText(page)).toMatch(/\$ kubectl exec kubia-\w+ -- curl -s http:\/\/10\.\d+\.\d+\.\d+\n.*You've hit kubia-/),
    },
  },
  {
    id: 'nodeport',
    title: { en: 'Exposing services to external clients', ko: '외부 클라이언트에 서비스 노출하기' },
    steps: ['node-port', 'every-node', 'extra-hop', 'load-balancer', 'keep-alive', 'pending'],
    byHand: {
      'node-port': (page) => typeInTerminal(page, 'kubectl get svc kubia-nodeport'),
      // From the traffic bar: the laptop sends one request to the NodePort of each node.
      'every-node': async (page, lang) => {
        for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4']) {
          await sendFromBar(page, lang, 'laptop', `http://${ip}:30123/`)
          await expect(page.locator('.hop-inspector')).toContainText(`${ip}:30123`)
        }
      },
    },
    after: {
      'node-port': async (page) => expect(await terminalText(page)).toMatch(/kubia-nodeport\s+NodePort\s+10\.\S+\s+<none>\s+80:30123\/TCP/),
      'extra-hop': (page) => expect(diagramNode(page, 'node:kind-control-plane')).toBeVisible(),
      'load-balancer': async (page) => {
        await expect(diagramNode(page, 'lb')).toBeVisible()
        expect(await terminalText(page)).toMatch(/kubia-nodeport\s+LoadBalancer\s+\S+\s+198\.51\.100\.10\s+80:30123\/TCP/)
      },
      pending: async (page) => {
        await expect(diagramNode(page, 'lb')).toHaveCount(0)
        expect(await terminalText(page)).toMatch(/kubia-nodeport\s+LoadBalancer\s+\S+\s+<pending>\s+80:30123\/TCP/)
      },
    },
  },
  {
    id: 'ingress',
    title: { en: 'Ingress: one address, many services', ko: '인그레스: 주소 하나에 여러 서비스' },
    steps: ['controller', 'paths', 'straight-to-pod', 'second-host', 'cookie-affinity', 'tls-secret', 'tls'],
    byHand: {
      // A key and a self-signed certificate made with openssl on the laptop, then the TLS Secret.
      'tls-secret': async (page) => {
        await typeInTerminal(page, 'openssl genrsa -out tls.key 2048')
        await typeInTerminal(page, 'openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com')
        await typeInTerminal(page, 'kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key')
      },
    },
    again: {
      // Without the cookie every curl request starts a new session on a pod chosen by hashing a
      // fresh random key: "Do it"'s four usually reach two pods or more, but all four may land on one.
      'cookie-affinity': (page, lang) => sendFromBar(page, lang, 'laptop', 'http://kubia.example.com/kubia'),
    },
    after: {
      'tls-secret': async (page) => expect(await terminalText(page)).toContain('secret/tls-secret created'),
      tls: async (page) => {
        await expect(diagramNode(page, 'ing:default/kubia')).toBeVisible()
        expect(await terminalText(page)).toContain('subject: CN=kubia.example.com')
      },
    },
  },
]

/** Does `journey` from its first step to the last: each check pending, then passed; the lesson complete. */
async function complete(page: Page, lesson: LessonPanel, journey: Journey, lang: Lang): Promise<void> {
  const t = lesson.t
  const n = journey.steps.length
  for (const [i, id] of journey.steps.entries()) {
    if (i > 0) await lesson.next(id)
    await expect(lesson.root.getByText(t.stepOf(i + 1, n), { exact: true })).toBeVisible()
    await expect(lesson.check).toHaveAttribute('data-pass', 'false')
    const hand = journey.byHand[id]
    const again = journey.again?.[id]
    if (hand) {
      await hand(page, lang)
      await lesson.passes()
    } else if (again) {
      await lesson.doIt({ pass: false })
      for (let tries = 0; tries < 5 && (await lesson.check.getAttribute('data-pass')) !== 'true'; tries++) {
        console.log(`${journey.id}/${id}: the check asks for more: ${await lesson.check.innerText()}`)
        await again(page, lang)
        await page.waitForTimeout(500)
      }
      await lesson.passes()
    } else await lesson.doIt()
    await expect(lesson.announce).toHaveText(i === n - 1 ? t.complete : t.passed)
    await journey.after?.[id]?.(page)
  }
  await expect(lesson.progress).toHaveText(t.lessonComplete)
  await expect(lesson.doneSteps()).toHaveCount(n)
  await lesson.progress.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `test-results/lesson-${journey.id}-${lang}.png` })
}

for (const lang of ['en', 'ko'] as const) {
  test.describe(`lessons (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'ko-KR' })
    const t = TEXTS[lang]

    test('three lessons end to end (clusterip, nodeport, ingress): steps by hand and with "Do it", every check passes, and the progress survives a reload', async ({ page }) => {
      test.setTimeout(300_000)
      await open(page)
      const lesson = new LessonPanel(page, t)
      await lesson.openLesson()
      await page.screenshot({ path: `test-results/lesson-panel-${lang}.png` })
      if (lang === 'en') await accessible(page, 'with a lesson open')

      for (const [i, journey] of JOURNEYS.entries()) {
        const started = Date.now()
        if (i > 0) {
          await lesson.backToList()
          await lesson.openLesson(journey.title[lang], journey.steps[0])
        }
        await complete(page, lesson, journey, lang)
        const took = `${journey.id} (${lang}): ${((Date.now() - started) / 1000).toFixed(1)} s`
        test.info().annotations.push({ type: 'duration', description: took })
        console.log(`lesson completed: ${took}`)
      }

      // Progress and place come back after a reload: the last lesson at its last step, the three complete.
      await page.reload()
      const last = JOURNEYS[JOURNEYS.length - 1]!
      await expect(lesson.step(last.steps[last.steps.length - 1]!)).toBeVisible()
      await expect(lesson.doneSteps()).toHaveCount(last.steps.length)
      await lesson.backToList()
      for (const journey of JOURNEYS) {
        await expect(lesson.root.locator('.lesson-entry').filter({ has: page.locator(`button[data-lesson="${journey.id}"]`) }).locator('.lesson-progress')).toHaveClass(/lesson-complete/)
      }
    })

    test('a link to a step opens the lesson there, in a fresh browser, with the earlier steps replayed; Reset step rebuilds it', async ({ page, context, browser }) => {
      test.setTimeout(120_000)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      await open(page)
      const lesson = new LessonPanel(page, t)
      await lesson.openLesson()
      await lesson.root.getByRole('button', { name: `4. ` + (lang === 'en' ? 'kubectl expose writes the same Service' : 'kubectl expose로 같은 서비스 만들기'), exact: false }).click()
      await expect(lesson.step('expose')).toBeVisible()
      await lesson.root.getByRole('button', { name: t.copyLink }).click()
      const url = await page.evaluate(() => navigator.clipboard.readText())
      expect(url).toMatch(/#v1\./)

      const fresh = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'ko-KR', permissions: ['clipboard-read', 'clipboard-write'] })
      const other = await fresh.newPage()
      const errors: string[] = []
      other.on('pageerror', (e) => errors.push(e.message))
      await other.goto(url)
      const there = new LessonPanel(other, t)
      await expect(there.step('expose')).toBeVisible({ timeout: 30_000 })
      // Steps 1–3 were replayed: one pod was relabelled app=foo and left the Service.
      await expect.poll(async () => other.locator('.react-flow__node[data-id^="pod:default/kubia-"]').count(), { timeout: 30_000 }).toBe(4)
      await expect(there.check).toHaveAttribute('data-pass', 'false')
      await there.doIt()
      const exposed = other.locator('.react-flow__node[data-id="svc:default/kubia-exposed"]')
      await expect(exposed).toBeVisible()

      // The toolbar's "Copy link" carries the lesson and step too: "where I am", with what was done.
      await other.getByRole('button', { name: t.copyToolbarLink, exact: true }).click()
      await expect(other.getByTestId('share-panel')).toBeVisible()
      const whereIAm = await other.evaluate(() => navigator.clipboard.readText())
      const third = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'ko-KR' })
      const friend = await third.newPage()
      friend.on('pageerror', (e) => errors.push(e.message))
      await friend.goto(whereIAm)
      await expect(new LessonPanel(friend, t).step('expose')).toBeVisible({ timeout: 30_000 })
      await expect(friend.locator('.react-flow__node[data-id="svc:default/kubia-exposed"]')).toBeVisible()
      await third.close()
      await other.keyboard.press('Escape')
      await expect(other.getByTestId('share-panel')).toHaveCount(0)

      // "Reset step" rebuilds the cluster as the step began: the exposed Service is gone again.
      await there.resetStep()
      await expect(exposed).toHaveCount(0)
      await expect(there.check).toHaveAttribute('data-pass', 'false')
      await fresh.close()
      expect(errors).toEqual([])
    })
  })
}

test.describe('presenter mode', () => {
  test.use({ locale: 'en-US' })

  test('P opens it; → does the step then moves on, ← goes back, Space moves on, Esc leaves; the diagram zooms to the step', async ({ page }) => {
    test.setTimeout(120_000)
    await open(page)
    const lesson = new LessonPanel(page, TEXTS.en)
    await lesson.openLesson()
    const html = page.locator('html')
    const caption = page.getByTestId('presenter-caption')
    const diagram = page.locator('.cd-root')

    await page.locator('h1').click()
    await page.keyboard.press('p')
    await expect(html).toHaveAttribute('data-presenter', '')
    await expect(html).toHaveAttribute('data-contrast', 'high')
    await expect(caption).toHaveAttribute('data-step', 'cluster-ip')
    await expect(diagram).toHaveAttribute('data-focus', 'svc:default/kubia')
    await page.screenshot({ path: 'test-results/presenter-high-contrast.png' })
    await accessible(page, 'in presenter mode')

    // → on a step not done yet runs it (the command appears in the terminal), → again moves on.
    await page.keyboard.press('ArrowRight')
    await expect(caption.getByTestId('lesson-check')).toHaveAttribute('data-pass', 'true', { timeout: 30_000 })
    await expect.poll(() => terminalText(page)).toContain('$ kubectl get svc kubia')
    await expect(caption).toHaveAttribute('data-step', 'cluster-ip')
    await page.keyboard.press('ArrowRight')
    await expect(caption).toHaveAttribute('data-step', 'endpoints')
    await expect(diagram).toHaveAttribute('data-focus', /^svc:default\/kubia\npod:default\/kubia-/)
    await page.keyboard.press('ArrowLeft')
    await expect(caption).toHaveAttribute('data-step', 'cluster-ip')
    await page.keyboard.press(' ')
    await expect(caption).toHaveAttribute('data-step', 'endpoints')

    // Light colours instead of high contrast; the speaker notes shown.
    const bar = page.getByTestId('presenter-bar')
    await bar.getByRole('button', { name: 'High contrast' }).click()
    await expect(html).not.toHaveAttribute('data-contrast', 'high')
    await bar.getByRole('button', { name: 'Speaker notes' }).click()
    await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toBeVisible()
    await page.screenshot({ path: 'test-results/presenter-light.png' })

    // The notes window follows the steps.
    const [notes] = await Promise.all([page.waitForEvent('popup'), bar.getByRole('button', { name: 'Notes window' }).click()])
    await expect(notes.locator('h1')).toHaveText('Endpoints follow the selector')
    await page.locator('h2.presenter-step-title').click()
    await page.keyboard.press('ArrowLeft')
    await expect(notes.locator('h1')).toHaveText('One stable virtual IP')
    await expect(notes.locator('.notes')).toContainText('which machine owns this IP')
    await page.keyboard.press('ArrowRight')
    await expect(caption).toHaveAttribute('data-step', 'endpoints')

    await page.keyboard.press('Escape')
    await expect(html).not.toHaveAttribute('data-presenter', '')
    await expect(caption).toHaveCount(0)
    await expect(lesson.step('endpoints')).toBeVisible()
  })

  test('?present=1 opens the app in presenter mode, which offers the lessons', async ({ page }) => {
    await open(page, '/?present=1')
    await expect(page.locator('html')).toHaveAttribute('data-presenter', '')
    await page.getByRole('combobox', { name: 'Lesson to present' }).selectOption('clusterip')
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByTestId('presenter-caption')).toHaveAttribute('data-step', 'cluster-ip', { timeout: 30_000 })
  })
})
