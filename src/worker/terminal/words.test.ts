import { describe, expect, it } from 'vitest'
import { splitWords } from './words.ts'

describe('splitWords (bash word splitting, no expansion)', () => {
  const ok: [string, string[]][] = [
    ['kubectl get svc', ['kubectl', 'get', 'svc']],
    ['  kubectl   get\tpods  ', ['kubectl', 'get', 'pods']],
    ["kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type==\"ExternalIP\")].address}'", ['kubectl', 'get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="ExternalIP")].address}']],
    ['curl -H "Host: kubia.example.com" http://x', ['curl', '-H', 'Host: kubia.example.com', 'http://x']],
    ['echo "a \\"b\\" \\n"', ['echo', 'a "b" \\n']],
    ['echo a\\ b', ['echo', 'a b']],
    ["echo ''", ['echo', '']],
    ['echo a"b"\'c\'', ['echo', 'abc']],
    ['kubectl get pods # all of them', ['kubectl', 'get', 'pods']],
    ['echo a#b', ['echo', 'a#b']],
    ['echo $HOME ~', ['echo', '$HOME', '~']],
    ['', []],
  ]
  it.each(ok)('%j', (line, words) => {
    expect(splitWords(line)).toEqual({ ok: true, words })
  })

  it('reports an unquoted control operator (and only then)', () => {
    expect(splitWords('kubectl get pods | grep kubia')).toEqual({ ok: true, words: ['kubectl', 'get', 'pods', '|', 'grep', 'kubia'], operator: '|' })
    expect(splitWords('echo "a|b" \'c;d\'')).toEqual({ ok: true, words: ['echo', 'a|b', 'c;d'] })
  })

  it.each([
    ["echo 'abc", "unexpected EOF while looking for matching `''"],
    ['echo "abc', 'unexpected EOF while looking for matching `"\''],
  ])('an unterminated quote in %j is bash\'s error', (line, error) => {
    expect(splitWords(line)).toEqual({ ok: false, error })
  })
})
