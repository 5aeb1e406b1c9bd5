/** minikube's boxed tables, checked against output printed by real minikube. */
import { describe, expect, it } from 'vitest'
import { renderBoxTable } from './table.ts'

const HEADERS = ['Namespace', 'Name', 'Target Port', 'URL']

describe('renderBoxTable (tablewriter as minikube configures it)', () => {
  it.each([
    {
      name: 'a ClusterIP service: no node port, centred headers with the odd space on the right',
      rows: [['default', 'prometheus-server', '', 'No node port']],
      want: [
        '|-----------|-------------------|-------------|--------------|',
        '| NAMESPACE |       NAME        | TARGET PORT |     URL      |',
        '|-----------|-------------------|-------------|--------------|',
        '| default   | prometheus-server |             | No node port |',
        '|-----------|-------------------|-------------|--------------|',
      ],
    },
    {
      name: 'a numeric target port is right-aligned, a named one left-aligned',
      rows: [['default', 'devopslab-deployment-service', 'http/7000', 'http://192.168.59.100:32148']],
      want: [
        '|-----------|------------------------------|-------------|-----------------------------|',
        '| NAMESPACE |             NAME             | TARGET PORT |             URL             |',
        '|-----------|------------------------------|-------------|-----------------------------|',
        '| default   | devopslab-deployment-service | http/7000   | http://192.168.59.100:32148 |',
        '|-----------|------------------------------|-------------|-----------------------------|',
      ],
    },
    {
      name: 'numbers right-aligned',
      rows: [['default', 'app-python', '80', 'http://192.168.105.2:31829']],
      want: [
        '|-----------|------------|-------------|----------------------------|',
        '| NAMESPACE |    NAME    | TARGET PORT |            URL             |',
        '|-----------|------------|-------------|----------------------------|',
        '| default   | app-python |          80 | http://192.168.105.2:31829 |',
        '|-----------|------------|-------------|----------------------------|',
      ],
    },
    {
      name: 'service list: multi-line cells and short rows',
      rows: [
        ['default', 'kubernetes', 'No node port'],
        ['ingress-nginx', 'ingress-nginx-controller', 'http/80\nhttps/443', 'http://192.168.49.2:32035\nhttp://192.168.49.2:30938'],
        ['ingress-nginx', 'ingress-nginx-controller-admission', 'No node port'],
        ['kube-system', 'kube-dns', 'No node port'],
      ],
      want: [
        '|---------------|------------------------------------|--------------|---------------------------|',
        '|   NAMESPACE   |                NAME                | TARGET PORT  |            URL            |',
        '|---------------|------------------------------------|--------------|---------------------------|',
        '| default       | kubernetes                         | No node port |                           |',
        '| ingress-nginx | ingress-nginx-controller           | http/80      | http://192.168.49.2:32035 |',
        '|               |                                    | https/443    | http://192.168.49.2:30938 |',
        '| ingress-nginx | ingress-nginx-controller-admission | No node port |                           |',
        '| kube-system   | kube-dns                           | No node port |                           |',
        '|---------------|------------------------------------|--------------|---------------------------|',
      ],
    },
  ])('$name', ({ rows, want }) => {
    expect(renderBoxTable(HEADERS, rows)).toBe(want.join('\n') + '\n')
  })
})
