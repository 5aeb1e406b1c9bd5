/**
 * `--help` texts of the writing and debugging verbs, shortened from kubectl 1.30's: the
 * description, the chapter's examples and the usage line.
 */

const help = (description: string, examples: string[], usage: string): string =>
  `${description}\n\nExamples:\n${examples.map((e) => `  ${e}\n`).join('')}\nUsage:\n  ${usage} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`

/** Help text per verb name. */
export const VERB_HELP: Readonly<Record<string, string>> = {
  apply: help(
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet.',
    ['kubectl apply -f kubia-svc.yaml', 'kubectl apply -f kubia-ingress-tls.yaml'],
    'kubectl apply (-f FILENAME | -k DIRECTORY)',
  ),
  replace: help('Replace a resource by file name or stdin.', ['kubectl replace -f kubia-svc.yaml'], 'kubectl replace -f FILENAME'),
  exec: help(
    'Execute a command in a container.',
    ['kubectl exec kubia-7nog1 -- curl -s http://10.111.249.153', 'kubectl exec -it kubia-7nog1 -- bash', 'kubectl exec kubia-7nog1 -c kubia -- env'],
    'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  ),
  logs: help(
    'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
    ['kubectl logs kubia-7nog1', 'kubectl logs kubia-7nog1 -c kubia --tail=20', 'kubectl logs rc/kubia'],
    'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  ),
  run: help(
    'Create and run a particular image in a pod.',
    ['kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity', 'kubectl run kubia --image=luksa/kubia --port=8080'],
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  ),
  label: help(
    'Update the labels on a resource.',
    ['kubectl label pods kubia-7nog1 enabled=true', 'kubectl label --overwrite pods kubia-7nog1 app=foo', 'kubectl label pods kubia-7nog1 app-'],
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  ),
  annotate: help(
    'Update the annotations on one or more resources.',
    ['kubectl annotate pods kubia-7nog1 description=\'my frontend\''],
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  ),
  edit: help(
    'Edit a resource from the default editor. Here the live object opens in the playground\'s editor; saving applies it.',
    ['kubectl edit svc/kubia', 'kubectl edit ingress kubia'],
    'kubectl edit (RESOURCE/NAME | -f FILENAME)',
  ),
  version: help('Print the client and server version information for the current context.', ['kubectl version', 'kubectl version --client'], 'kubectl version'),
  'api-resources': help('Print the supported API resources on the server.', ['kubectl api-resources', 'kubectl api-resources --namespaced=true'], 'kubectl api-resources'),
}
