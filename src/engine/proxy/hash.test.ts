import { describe, expect, test } from 'vitest'
import { base32, sha256, toHex, utf8Bytes } from './hash.ts'
import {
  nftEndpointBase,
  nftServicePortBase,
  serviceExternalChain,
  serviceFirewallChain,
  servicePortEndpointChain,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChain,
} from './names.ts'

describe('sha256 (FIPS 180-4 test vectors)', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('sha256(%j)', (input, hex) => {
    expect(toHex(sha256(utf8Bytes(input)))).toBe(hex)
  })

  test('a message longer than one block', () => {
    expect(toHex(sha256(utf8Bytes('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3')
  })
})

describe('base32 (RFC 4648 test vectors)', () => {
  test.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('base32(%j)', (input, out) => {
    expect(base32(utf8Bytes(input))).toBe(out)
  })
})

// Chain names from upstream's expected dumps (pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules,
// pkg/proxy/nftables/proxier_test.go TestOverallNFTablesRules).
describe('kube-proxy chain names', () => {
  test.each([
    [servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp'), 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    [servicePortPolicyClusterChain('ns2/svc2:p80', 'tcp'), 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    [servicePortPolicyLocalChain('ns2/svc2:p80', 'tcp'), 'KUBE-SVL-GNZBNJ2PO5MGZ6GT'],
    [serviceExternalChain('ns4/svc4:p80', 'tcp'), 'KUBE-EXT-4SW47YFZTEDKD3PK'],
    [serviceFirewallChain('ns5/svc5:p80', 'tcp'), 'KUBE-FW-NUKIZ6OKUXPJNT4C'],
    [servicePortEndpointChain('ns1/svc1:p80', 'tcp', '10.180.0.1:80'), 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    [servicePortEndpointChain('ns4/svc4:p80', 'tcp', '10.180.0.5:80'), 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    [servicePortEndpointChain('ns5/svc5:p80', 'tcp', '10.180.0.3:80'), 'KUBE-SEP-I77PXRDZVX7PMWMN'],
    [nftServicePortBase('ns1', 'svc1', 'tcp', 'p80'), 'ULMVA6XW-ns1/svc1/tcp/p80'],
    [nftServicePortBase('ns2', 'svc2', 'tcp', 'p8080'), 'MHHHYRWA-ns2/svc2/tcp/p8080'],
    [nftEndpointBase('ns1', 'svc1', 'tcp', 'p80', '10.180.0.1', 80), '5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80'],
    [nftEndpointBase('ns4', 'svc4', 'tcp', 'p80', '10.0.4.1', 80), 'WAHRBT2B-ns4/svc4/tcp/p80__10.0.4.1/80'],
  ])('%s', (got, want) => {
    expect(got).toBe(want)
  })
})
