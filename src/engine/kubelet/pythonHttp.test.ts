/**
 * `python -m http.server` as the python images run it. Expected values are Python 3.14's own:
 * argparse's options of Lib/http/server.py (`[port] [-b ADDRESS] [-d DIR] [-p VERSION]`, default
 * port 8000, long options abbreviable), getaddrinfo's wildcard 0.0.0.0 without --bind, the
 * directory listing and error page markup, the status line, headers and stderr log format.
 */
import { describe, expect, it } from 'vitest'
import type { Container } from '../model/k8s.ts'
import type { Listener } from './images.ts'
import { acceptsTo, appFor } from './images.ts'
import { errorPage, logDateTime, pythonAnswer, pythonHttpServer, requestLogLines, servingLine } from './pythonHttp.ts'

/** A python container; the tables write command/args as readonly tuples. */
const py = (c: Omit<Partial<Container>, 'command' | 'args'> & { command?: readonly string[]; args?: readonly string[] }): Container => {
  const { command, args, ...rest } = c
  return { name: 'web', image: 'python:3', ...rest, ...(command ? { command: [...command] } : {}), ...(args ? { args: [...args] } : {}) }
}

describe('how the container starts http.server', () => {
  it.each([
    ['no port: 8000 on every address', { command: ['python', '-m', 'http.server'] }, { port: 8000, address: '0.0.0.0' }],
    ['port and --bind 127.0.0.1 in command', { command: ['python', '-m', 'http.server', '8080', '--bind', '127.0.0.1'] }, { port: 8080, address: '127.0.0.1', bindField: 'command' }],
    ['-b before the port, all in args (no ENTRYPOINT)', { args: ['python3', '-m', 'http.server', '-b', '127.0.0.1', '9000'] }, { port: 9000, address: '127.0.0.1', bindField: 'args' }],
    ['--bind=ADDRESS and -u', { command: ['python3', '-u', '-m', 'http.server', '--bind=0.0.0.0', '8080'] }, { port: 8080, address: '0.0.0.0', unbuffered: true }],
    ['an abbreviated long option (--bi)', { command: ['python', '-m', 'http.server', '--bi', '127.0.0.1', '8080'] }, { port: 8080, address: '127.0.0.1' }],
    ['-bADDRESS glued', { command: ['/usr/local/bin/python3.14', '-m', 'http.server', '-b127.0.0.1'] }, { port: 8000, address: '127.0.0.1' }],
    ['--bind :: (dual-stack)', { command: ['python', '-m', 'http.server', '--bind', '::', '8080'] }, { port: 8080, address: '::' }],
    ['sh -c with exec', { command: ['sh', '-c', 'exec python -m http.server 8080 --bind 127.0.0.1'] }, { port: 8080, address: '127.0.0.1', bindField: 'command' }],
    ['sh -c in command, the script in args', { command: ['/bin/sh', '-c'], args: ["python3 -m http.server 8080 --bind '127.0.0.1'"] }, { port: 8080, address: '127.0.0.1', bindField: 'args' }],
    ['-p HTTP/1.1 and -d /tmp', { command: ['python', '-m', 'http.server', '-p', 'HTTP/1.1', '-d', '/tmp', '8080'] }, { port: 8080, protocol: 'HTTP/1.1', directory: '/tmp' }],
  ] as const)('%s', (_name, c, want) => {
    expect(pythonHttpServer(py(c))).toMatchObject({ protocol: 'HTTP/1.0', directory: '/', unbuffered: false, ...want })
  })

  it.each([
    ['the image default CMD (python3, the REPL)', {}],
    ['a script', { command: ['python', 'app.py'] }],
    ['python -c', { command: ['python', '-c', 'print(1)'] }],
    ['another module', { command: ['python', '-m', 'pip', 'list'] }],
    ['a port argparse rejects (invalid int value)', { command: ['python', '-m', 'http.server', 'abc'] }],
    ['two positionals (unrecognized arguments)', { command: ['python', '-m', 'http.server', '8080', '9090'] }],
    ['an ambiguous abbreviation (--tls)', { command: ['python', '-m', 'http.server', '--tls', 'x'] }],
    ['--bind without its value', { command: ['python', '-m', 'http.server', '--bind'] }],
    ['--help', { command: ['python', '-m', 'http.server', '--help'] }],
  ] as const)('not a running server: %s', (_name, c) => {
    expect(pythonHttpServer(py(c))).toBeUndefined()
  })

  it('PYTHONUNBUFFERED set to a non-empty string is -u', () => {
    expect(pythonHttpServer(py({ command: ['python', '-m', 'http.server'], env: [{ name: 'PYTHONUNBUFFERED', value: '1' }] }))?.unbuffered).toBe(true)
    expect(pythonHttpServer(py({ command: ['python', '-m', 'http.server'], env: [{ name: 'PYTHONUNBUFFERED', value: '' }] }))?.unbuffered).toBe(false)
  })

  it('the app model: one TCP listener on the bound address; the "Serving HTTP" line only when stdout is unbuffered', () => {
    const local = appFor(py({ command: ['python', '-m', 'http.server', '8080', '--bind', '127.0.0.1'] }))
    expect(local.kind).toBe('python-http')
    expect(local.listeners).toEqual([{ port: 8080, protocol: 'TCP', serves: 'http', address: '127.0.0.1' }])
    expect(local.startupLogs).toEqual([])
    const loud = appFor(py({ command: ['python', '-u', '-m', 'http.server', '8080'] }))
    expect(loud.startupLogs).toEqual(['Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...'])
  })

  it('test() brackets an IPv6 host in the URL', () => {
    expect(servingLine(pythonHttpServer(py({ command: ['python', '-m', 'http.server', '-b', '::'] }))!)).toBe('Serving HTTP on :: port 8000 (http://[::]:8000/) ...')
  })
})

describe('which connections a bound socket accepts', () => {
  const l = (address: string): Listener => ({ port: 8080, protocol: 'TCP', serves: 'http', address })
  it.each([
    ['0.0.0.0', '10.244.1.5', true],
    ['0.0.0.0', '127.0.0.1', true],
    ['::', '10.244.1.5', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '10.244.1.5', false],
    ['10.244.1.5', '10.244.1.5', true],
    ['10.244.1.5', '127.0.0.1', false],
    ['::1', '127.0.0.1', false],
  ] as const)('bound to %s, a connection to %s: %s', (address, dst, want) => {
    expect(acceptsTo(l(address), dst)).toBe(want)
  })
})

const LISTING = `<!DOCTYPE HTML>
<html lang="en">
<head>
<meta charset="utf-8">
<style type="text/css">
:root {
color-scheme: light dark;
}
</style>
<title>Directory listing for /</title>
</head>
<body>
<h1>Directory listing for /</h1>
<hr>
<ul>
<li><a href="bin/">bin@</a></li>
<li><a href="boot/">boot/</a></li>
<li><a href="dev/">dev/</a></li>
<li><a href="etc/">etc/</a></li>
<li><a href="home/">home/</a></li>
<li><a href="lib/">lib@</a></li>
<li><a href="lib64/">lib64@</a></li>
<li><a href="media/">media/</a></li>
<li><a href="mnt/">mnt/</a></li>
<li><a href="opt/">opt/</a></li>
<li><a href="proc/">proc/</a></li>
<li><a href="root/">root/</a></li>
<li><a href="run/">run/</a></li>
<li><a href="sbin/">sbin@</a></li>
<li><a href="srv/">srv/</a></li>
<li><a href="sys/">sys/</a></li>
<li><a href="tmp/">tmp/</a></li>
<li><a href="usr/">usr/</a></li>
<li><a href="var/">var/</a></li>
</ul>
<hr>
</body>
</html>
`

const NOT_FOUND = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <style type="text/css">
            :root {
                color-scheme: light dark;
            }
        </style>
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 404</p>
        <p>Message: File not found.</p>
        <p>Error code explanation: 404 - Nothing matches the given URI.</p>
    </body>
</html>
`

describe('what it answers', () => {
  const server = pythonHttpServer(py({ command: ['python', '-m', 'http.server', '8080'] }))!

  it('GET /: the listing of / in the Debian image (merged /usr: bin, lib, lib64, sbin are links)', () => {
    expect(pythonAnswer(server, '/')).toEqual({ status: 200, reason: 'OK', headers: [['Content-type', 'text/html; charset=utf-8'], ['Content-Length', '901']], body: LISTING })
    expect(pythonAnswer(server, '/?x=1').body).toBe(LISTING)
  })

  it('anything else: send_error(404, "File not found"), the message as the reason phrase, Connection: close', () => {
    expect(pythonAnswer(server, '/healthz')).toEqual({
      status: 404,
      reason: 'File not found',
      headers: [['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', '460']],
      body: NOT_FOUND,
    })
    expect(errorPage(404, 'File not found', 'Nothing matches the given URI')).toBe(NOT_FOUND)
  })

  it('python:3-alpine lists Alpine\'s / (plain directories)', () => {
    const alpine = pythonHttpServer(py({ image: 'python:3-alpine', command: ['python', '-m', 'http.server'] }))!
    expect(pythonAnswer(alpine, '/').body).toContain('<ul>\n<li><a href="bin/">bin/</a></li>\n<li><a href="dev/">dev/</a></li>\n')
  })

  it('logs each request on stderr: client, time (%02d/%3s/%04d %H:%M:%S), request line, status, -', () => {
    expect(logDateTime(10_000)).toBe('01/Jan/2025 00:00:10')
    expect(requestLogLines(server, '10.244.1.3', 10_000, 'GET / HTTP/1.1', pythonAnswer(server, '/'))).toEqual(['10.244.1.3 - - [01/Jan/2025 00:00:10] "GET / HTTP/1.1" 200 -'])
    expect(requestLogLines(server, '127.0.0.1', 10_000, 'GET /x HTTP/1.1', pythonAnswer(server, '/x'))).toEqual([
      '127.0.0.1 - - [01/Jan/2025 00:00:10] code 404, message File not found',
      '127.0.0.1 - - [01/Jan/2025 00:00:10] "GET /x HTTP/1.1" 404 -',
    ])
    const dual = pythonHttpServer(py({ command: ['python', '-m', 'http.server', '-b', '::'] }))!
    expect(requestLogLines(dual, '10.244.1.3', 0, 'GET / HTTP/1.1', pythonAnswer(dual, '/'))[0]).toBe('::ffff:10.244.1.3 - - [01/Jan/2025 00:00:00] "GET / HTTP/1.1" 200 -')
  })
})
