/** The command-line parser: quoting, expansion, lists, pipelines, redirections, bash's syntax errors. */
import { describe, expect, it } from 'vitest'
import { expandWord, parseLine } from './parse.ts'

const vars: Record<string, string> = { KUBIA_SERVICE_HOST: '10.96.12.34', TWO: 'a b', HOME: '/root', '?': '0' }
const look = (n: string) => vars[n]

/** Each pipeline's commands as expanded argv arrays, with the list operators. */
function shape(line: string) {
  const p = parseLine(line)
  if ('error' in p) return p
  return p.items.map((it) => ({ op: it.op, cmds: it.pipeline.map((c) => ({ argv: c.words.flatMap((w) => expandWord(w, look)), redirects: c.redirects.map((r) => (r.op === 'dup' ? `${r.fd}>&${r.to}` : `${r.fd}${r.op}:${expandWord(r.target, look).join('')}`)) })) }))
}

describe('parseLine', () => {
  it.each<[string, unknown]>([
    ['curl -s http://kubia', [{ op: null, cmds: [{ argv: ['curl', '-s', 'http://kubia'], redirects: [] }] }]],
    [`curl -H 'Host: kubia.example.com' http://x`, [{ op: null, cmds: [{ argv: ['curl', '-H', 'Host: kubia.example.com', 'http://x'], redirects: [] }] }]],
    ['echo "1.2.3.4 kubia.example.com" >> /etc/hosts', [{ op: null, cmds: [{ argv: ['echo', '1.2.3.4 kubia.example.com'], redirects: ['1append:/etc/hosts'] }] }]],
    ['curl http://$KUBIA_SERVICE_HOST:80', [{ op: null, cmds: [{ argv: ['curl', 'http://10.96.12.34:80'], redirects: [] }] }]],
    ['echo ${KUBIA_SERVICE_HOST}', [{ op: null, cmds: [{ argv: ['echo', '10.96.12.34'], redirects: [] }] }]],
    ["echo '$KUBIA_SERVICE_HOST'", [{ op: null, cmds: [{ argv: ['echo', '$KUBIA_SERVICE_HOST'], redirects: [] }] }]],
    ['echo $TWO "$TWO"', [{ op: null, cmds: [{ argv: ['echo', 'a', 'b', 'a b'], redirects: [] }] }]],
    ['echo $NOPE ""', [{ op: null, cmds: [{ argv: ['echo', ''], redirects: [] }] }]],
    ['cd ~ && ls ~/x', [{ op: null, cmds: [{ argv: ['cd', '/root'], redirects: [] }] }, { op: '&&', cmds: [{ argv: ['ls', '/root/x'], redirects: [] }] }]],
    ['touch /var/ready; ls /var || echo no', [{ op: null, cmds: [{ argv: ['touch', '/var/ready'], redirects: [] }] }, { op: ';', cmds: [{ argv: ['ls', '/var'], redirects: [] }] }, { op: '||', cmds: [{ argv: ['echo', 'no'], redirects: [] }] }]],
    ['env | grep KUBIA | head -3', [{ op: null, cmds: [{ argv: ['env'], redirects: [] }, { argv: ['grep', 'KUBIA'], redirects: [] }, { argv: ['head', '-3'], redirects: [] }] }]],
    ['curl -s x > /tmp/out 2>&1', [{ op: null, cmds: [{ argv: ['curl', '-s', 'x'], redirects: ['1write:/tmp/out', '2>&1'] }] }]],
    ['curl x 2>/dev/null', [{ op: null, cmds: [{ argv: ['curl', 'x'], redirects: ['2write:/dev/null'] }] }]],
    ['echo a\\ b # comment', [{ op: null, cmds: [{ argv: ['echo', 'a b'], redirects: [] }] }]],
    ['echo "say \\"hi\\""', [{ op: null, cmds: [{ argv: ['echo', 'say "hi"'], redirects: [] }] }]],
    ['', []],
  ])('%s', (line, want) => {
    expect(shape(line)).toEqual(want)
  })

  it.each([
    ['| head', "bash: syntax error near unexpected token `|'"],
    ['ls |', "bash: syntax error near unexpected token `newline'"],
    ['echo >', "bash: syntax error near unexpected token `newline'"],
    ['; ls', "bash: syntax error near unexpected token `;'"],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file"],
  ])('%s → %s', (line, error) => {
    expect(parseLine(line)).toEqual({ error })
  })
})
