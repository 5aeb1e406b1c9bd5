/**
 * Test fixtures made by a real OpenSSL 3.0.19 (Debian) on 2026-11-21, kept verbatim: what the
 * playground's parser must read and what its `openssl x509 -text` must print. Test support only.
 */

/** `openssl genrsa -out tls.key 2048` (OpenSSL 3.0.19): PKCS #8. */
export const OPENSSL_RSA_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDlbTGUfRCxXoBN
BTiroA/6ObpRAOh+PAhQVOUCAdw1VgER0bkut8hfcgWp9lsKz0MzQCsdOfqxZ2e6
VzmuDXdYK/7oS7UpnnM5DJwqd7DfXBzqA+QUbuzAeZPsKFBtPONbqHpY075NeKPv
+FDo6v7rQBUmOmjG8wE2h8KDamtEPX0VyaNcrqxijuuXaoIgHSwH7CMpE6SUlIm+
HNuvDRrHygYGiY6uEzcfWjrUDHGj1hCsuoQJ7nHtMGBOjYZ1gwznMXosOLq5IJcw
zyZQFzmWKX8KL4A3cJjI9+ugUM37vmanUL+Ilvv0BPWW6WuzwT1AlS2RxWbxH6FF
fWdYZzyJAgMBAAECggEAFL+uVzaEVvYr9ks9l8/vAftMjVzeqeP2AIXc/DR83Nn9
WMY10DLQzUj7mCZuj2i1NCJeg9Mlh/vJFsIitkoDfBbmg82tAamR1Bv+15xhg6HJ
/6QAcZSilrmoFhiDRY3XJgfzoKrtsAX0FZTIhHgUO+RcxUtNBIkfl/XpModiUhZt
qGyzT3pw1pykoBUfsIglHWe+andVEZUwkHvk2FxZqFGxL2nVG7djOelTL7dI8rNg
oyLV6LYLD2g8mzlx7nM1tX95qUOBnM2tnePiQUfaEeCj5BE54y/6xF1TvHiu2vbP
hQyj9FGsWD8UyhRqUT/mofPtxUYmBQ2XJwiy155UnQKBgQD6kwyHe2QolJq3h+zE
EtR5/D8rWpcjmBENcOEhxlX48PvYC1mLPX3LI2H3i8ct1YiR/Ga1YnLYJeDRViYA
FWlMhkvV33KMGHZ8U5DTJje3L/CmemOdTZtfVByYx6oYedkP5r7rJJsx0sBFk8y+
G4aGcpIBm0C548rrs80uOBSmswKBgQDqZOuud3AUEGfnqliQU4WGe/Aux/mm045o
JSGUqpi5XxrS7XOhPYJVVrFWSPwGhEzrNWHMr905kfSjbGqVtpCyI0D8gnRsuXzH
ODpNPTfzqS60roBCQ4x9pF0yuFNKcwJMx+fIKz7AgGb7B656S/xZhBYaEpi/Zmj1
Hvn1IMpN0wKBgCnlmHy2xwJ6BnyVf6MxOtHCuZU4KnlLHd7PdvU8wndDY/i1vR0p
BPWITwMjHgSt5Y3zVAEUGvvFKZgW/XeaHOcstVVnbTG7jWQwXNDRXROGMojDghB1
P3trBvUMvYYmKYMdI+MRVdm40WlQ0zUeSRoF4h/eo63xRqaug6osulc9AoGAUZoQ
8wxh2Jpdkimb66MoOUmstJyqLYo5aciDiF5cDS0vCX/hYaEoXs1vr7p5A0vL+5b6
FWikfAZ0RPDZqoWEmn/rf/1qyu9IoZLRuVI2yH195SlbPbaGkrdGOwIw/RpNEq4F
44oqrpoFQB/Mfoc1s3RovWr8AqaEo9HE87IWvEECgYEAm8JSzZBHnzetel8/C5mw
d0y+5RuzQjbq1CdkcDVi4wQ9IAJ4n9ijDJ+D0EZ1oC6cwSzO6slnCQs2R3im3mkv
qfpbLcDQ9iQMb6MnrEpEyPW0M3M1mH2jU3k24TvVivg5OEU3KUoqu/HwWipojJtX
BkROibH/+bi4OgA+RS1KfKs=
-----END PRIVATE KEY-----
`

/** `openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com`. */
export const OPENSSL_RSA_CERT = `-----BEGIN CERTIFICATE-----
MIIDGTCCAgGgAwIBAgIUDaP0aW1GtLxSeSGIddSvVzFuy1gwDQYJKoZIhvcNAQEL
BQAwHDEaMBgGA1UEAwwRa3ViaWEuZXhhbXBsZS5jb20wHhcNMjYxMTIxMDY1NDQ0
WhcNMjcxMTE2MDY1NDQ0WjAcMRowGAYDVQQDDBFrdWJpYS5leGFtcGxlLmNvbTCC
ASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAOVtMZR9ELFegE0FOKugD/o5
ulEA6H48CFBU5QIB3DVWARHRuS63yF9yBan2WwrPQzNAKx05+rFnZ7pXOa4Nd1gr
/uhLtSmeczkMnCp3sN9cHOoD5BRu7MB5k+woUG0841uoeljTvk14o+/4UOjq/utA
FSY6aMbzATaHwoNqa0Q9fRXJo1yurGKO65dqgiAdLAfsIykTpJSUib4c268NGsfK
BgaJjq4TNx9aOtQMcaPWEKy6hAnuce0wYE6NhnWDDOcxeiw4urkglzDPJlAXOZYp
fwovgDdwmMj366BQzfu+ZqdQv4iW+/QE9Zbpa7PBPUCVLZHFZvEfoUV9Z1hnPIkC
AwEAAaNTMFEwHQYDVR0OBBYEFAAT7lgvqUzt3kNgWgT4XBuGWonIMB8GA1UdIwQY
MBaAFAAT7lgvqUzt3kNgWgT4XBuGWonIMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZI
hvcNAQELBQADggEBAJ/jgIae6O9PS6I1sb8XhKkR+29LCbDowURDQQphTIdu+FBO
CG3zBK2m9EiTQ+oJha1zYmKB632m3p4FbuVUt/7mry52D4hItOna7jff3HKHk4Rp
XQjqi7UAEP6M9vM5bCBEuhMVnJAiuXOCpdodz3q1VY5mg4mzAfjEfJ4hf6URFM+P
RGmKDrqQfhdo8mh/plBvkX1neQN6/KR94XNKtewL+0qOhQvBxsoX5wpBx85kap0Y
XMbVPCtm9YjrIc0qsYaqgsGDt13QRjLCA7xmKk6rjhXcO8hQqbodlweVhZrEBt1F
aBp8LSjSaWf6837HfAvh+T4T2indP0BBijX9ArA=
-----END CERTIFICATE-----
`

/** `openssl x509 -in tls.cert -noout -text` of OPENSSL_RSA_CERT, as OpenSSL 3.0.19 printed it. */
export const OPENSSL_RSA_CERT_TEXT = `Certificate:
    Data:
        Version: 3 (0x2)
        Serial Number:
            0d:a3:f4:69:6d:46:b4:bc:52:79:21:88:75:d4:af:57:31:6e:cb:58
        Signature Algorithm: sha256WithRSAEncryption
        Issuer: CN = kubia.example.com
        Validity
            Not Before: Nov 21 06:54:44 2026 GMT
            Not After : Nov 16 06:54:44 2027 GMT
        Subject: CN = kubia.example.com
        Subject Public Key Info:
            Public Key Algorithm: rsaEncryption
                Public-Key: (2048 bit)
                Modulus:
                    00:e5:6d:31:94:7d:10:b1:5e:80:4d:05:38:ab:a0:
                    0f:fa:39:ba:51:00:e8:7e:3c:08:50:54:e5:02:01:
                    dc:35:56:01:11:d1:b9:2e:b7:c8:5f:72:05:a9:f6:
                    5b:0a:cf:43:33:40:2b:1d:39:fa:b1:67:67:ba:57:
                    39:ae:0d:77:58:2b:fe:e8:4b:b5:29:9e:73:39:0c:
                    9c:2a:77:b0:df:5c:1c:ea:03:e4:14:6e:ec:c0:79:
                    93:ec:28:50:6d:3c:e3:5b:a8:7a:58:d3:be:4d:78:
                    a3:ef:f8:50:e8:ea:fe:eb:40:15:26:3a:68:c6:f3:
                    01:36:87:c2:83:6a:6b:44:3d:7d:15:c9:a3:5c:ae:
                    ac:62:8e:eb:97:6a:82:20:1d:2c:07:ec:23:29:13:
                    a4:94:94:89:be:1c:db:af:0d:1a:c7:ca:06:06:89:
                    8e:ae:13:37:1f:5a:3a:d4:0c:71:a3:d6:10:ac:ba:
                    84:09:ee:71:ed:30:60:4e:8d:86:75:83:0c:e7:31:
                    7a:2c:38:ba:b9:20:97:30:cf:26:50:17:39:96:29:
                    7f:0a:2f:80:37:70:98:c8:f7:eb:a0:50:cd:fb:be:
                    66:a7:50:bf:88:96:fb:f4:04:f5:96:e9:6b:b3:c1:
                    3d:40:95:2d:91:c5:66:f1:1f:a1:45:7d:67:58:67:
                    3c:89
                Exponent: 65537 (0x10001)
        X509v3 extensions:
            X509v3 Subject Key Identifier: 
                00:13:EE:58:2F:A9:4C:ED:DE:43:60:5A:04:F8:5C:1B:86:5A:89:C8
            X509v3 Authority Key Identifier: 
                00:13:EE:58:2F:A9:4C:ED:DE:43:60:5A:04:F8:5C:1B:86:5A:89:C8
            X509v3 Basic Constraints: critical
                CA:TRUE
    Signature Algorithm: sha256WithRSAEncryption
    Signature Value:
        9f:e3:80:86:9e:e8:ef:4f:4b:a2:35:b1:bf:17:84:a9:11:fb:
        6f:4b:09:b0:e8:c1:44:43:41:0a:61:4c:87:6e:f8:50:4e:08:
        6d:f3:04:ad:a6:f4:48:93:43:ea:09:85:ad:73:62:62:81:eb:
        7d:a6:de:9e:05:6e:e5:54:b7:fe:e6:af:2e:76:0f:88:48:b4:
        e9:da:ee:37:df:dc:72:87:93:84:69:5d:08:ea:8b:b5:00:10:
        fe:8c:f6:f3:39:6c:20:44:ba:13:15:9c:90:22:b9:73:82:a5:
        da:1d:cf:7a:b5:55:8e:66:83:89:b3:01:f8:c4:7c:9e:21:7f:
        a5:11:14:cf:8f:44:69:8a:0e:ba:90:7e:17:68:f2:68:7f:a6:
        50:6f:91:7d:67:79:03:7a:fc:a4:7d:e1:73:4a:b5:ec:0b:fb:
        4a:8e:85:0b:c1:c6:ca:17:e7:0a:41:c7:ce:64:6a:9d:18:5c:
        c6:d5:3c:2b:66:f5:88:eb:21:cd:2a:b1:86:aa:82:c1:83:b7:
        5d:d0:46:32:c2:03:bc:66:2a:4e:ab:8e:15:dc:3b:c8:50:a9:
        ba:1d:97:07:95:85:9a:c4:06:dd:45:68:1a:7c:2d:28:d2:69:
        67:fa:f3:7e:c7:7c:0b:e1:f9:3e:13:da:29:dd:3f:40:41:8a:
        35:fd:02:b0
`

/** The 1024-bit key of OPENSSL_SAN_CERT (`-newkey rsa:1024 -nodes`). */
export const OPENSSL_SAN_KEY = `-----BEGIN PRIVATE KEY-----
MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAL8+QDlqgFti070o
hwNKz8osEj2o3gSZV3qxkmZWNKDkt3AJWVJHPn8SCkt3UDhbXFUtCAbq0WkG2F1s
BhrlDy1Qwek2GJeKE1nC8HFXxGM915hOlqKzmRPO/dInSJEM1G4Y+oy1ZfOZetow
C2MYAlHfGz5k+/KNSDLn34tsVLgZAgMBAAECgYA/bX4PjOsVZCmlyxM8XEueWg+S
s7cu/0ysPMi5eE3sLu9IEVG2oDpyGqGfder9Rg/RkCXhZXAezU5lbbZ4pQ/q/OAw
OgsETz9Eh344bM+hm2Ez9bTL7pCHCszC6QNAZ+oUW7cXGSHzW/+1X8p5Eiuowlbu
2m3OkaCPc5wmk7I4oQJBAN2k7TIWD6T3XPoBWwYs+sDUaj72gKRRg8sZJndPi7PY
/waMA/vT1xPRDIOfa6Gjs26vM9Bd49WgnORm/TJoAGsCQQDc4vpjOszuxaLRYalc
5bmT4AsGAYnyTQ47oKtuUmuiijk0Bzvugstr55i6Fe6lJFsABPLqNb4SBfu5Rq/F
XPqLAkAFroSmFAqyn+SyQ/ahYeXLq6ZNluQVUkGeozZpOJDMO3POJyiy++s3htRb
S2rm6dtfqv4ZCU8d2tAqyrkS4behAkBAHmMwitESPqyUuxS+srC8DD0m8Stp+pQ3
GtyomaRE+nrAb5kmEzGZkRD0c4lixrrjtowNEKyr7rCzh6FeWS8hAkAPK7nFEv3o
9Wca02ItPgJVb6ZkvzExFukWfks2uF3QjMXEvvnFZWe4s0IGOnb7eppFbAa1Trz5
mNoxyN5SfpKl
-----END PRIVATE KEY-----
`

/** `openssl req -new -x509 -newkey rsa:1024 -nodes -days 10000 -subj '/C=US/ST=CA/L=SF/O=Acme, Inc/OU=dev/CN=x/emailAddress=a@b.c' -addext 'subjectAltName=DNS:kubia.example.com,DNS:*.example.com'` (notAfter in 2054: GeneralizedTime). */
export const OPENSSL_SAN_CERT = `-----BEGIN CERTIFICATE-----
MIIC4jCCAkugAwIBAgIULupDRsMzwHaJkVw4zBpc8vnegc0wDQYJKoZIhvcNAQEL
BQAwazELMAkGA1UEBhMCVVMxCzAJBgNVBAgMAkNBMQswCQYDVQQHDAJTRjESMBAG
A1UECgwJQWNtZSwgSW5jMQwwCgYDVQQLDANkZXYxCjAIBgNVBAMMAXgxFDASBgkq
hkiG9w0BCQEWBWFAYi5jMCAXDTI2MTEyMTA2NTcxM1oYDzIwNTQwNDA4MDY1NzEz
WjBrMQswCQYDVQQGEwJVUzELMAkGA1UECAwCQ0ExCzAJBgNVBAcMAlNGMRIwEAYD
VQQKDAlBY21lLCBJbmMxDDAKBgNVBAsMA2RldjEKMAgGA1UEAwwBeDEUMBIGCSqG
SIb3DQEJARYFYUBiLmMwgZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGBAL8+QDlq
gFti070ohwNKz8osEj2o3gSZV3qxkmZWNKDkt3AJWVJHPn8SCkt3UDhbXFUtCAbq
0WkG2F1sBhrlDy1Qwek2GJeKE1nC8HFXxGM915hOlqKzmRPO/dInSJEM1G4Y+oy1
ZfOZetowC2MYAlHfGz5k+/KNSDLn34tsVLgZAgMBAAGjgYAwfjAdBgNVHQ4EFgQU
BC91xWCbMQX7hnBvfpqwKMf6YPIwHwYDVR0jBBgwFoAUBC91xWCbMQX7hnBvfpqw
KMf6YPIwDwYDVR0TAQH/BAUwAwEB/zArBgNVHREEJDAighFrdWJpYS5leGFtcGxl
LmNvbYINKi5leGFtcGxlLmNvbTANBgkqhkiG9w0BAQsFAAOBgQAyxOm1GbruKZrd
XjF1nFF1wQrzNGfkD0KqGCCSi+3DKkhTJxcvOUkvhP+GzChqEa930vHDld1WnPsN
pYP37vsQFRPc7Xaoc0EtxVgC6q76i5XQa8iMfbuty3Ykuz56CyLOp1WI6LuIRe2r
m2SBQD33xZvchwHzlZfXX4+gTwHfig==
-----END CERTIFICATE-----
`

/** `openssl x509 -noout -text` of OPENSSL_SAN_CERT. */
export const OPENSSL_SAN_CERT_TEXT = `Certificate:
    Data:
        Version: 3 (0x2)
        Serial Number:
            2e:ea:43:46:c3:33:c0:76:89:91:5c:38:cc:1a:5c:f2:f9:de:81:cd
        Signature Algorithm: sha256WithRSAEncryption
        Issuer: C = US, ST = CA, L = SF, O = "Acme, Inc", OU = dev, CN = x, emailAddress = a@b.c
        Validity
            Not Before: Nov 21 06:57:13 2026 GMT
            Not After : Apr  8 06:57:13 2054 GMT
        Subject: C = US, ST = CA, L = SF, O = "Acme, Inc", OU = dev, CN = x, emailAddress = a@b.c
        Subject Public Key Info:
            Public Key Algorithm: rsaEncryption
                Public-Key: (1024 bit)
                Modulus:
                    00:bf:3e:40:39:6a:80:5b:62:d3:bd:28:87:03:4a:
                    cf:ca:2c:12:3d:a8:de:04:99:57:7a:b1:92:66:56:
                    34:a0:e4:b7:70:09:59:52:47:3e:7f:12:0a:4b:77:
                    50:38:5b:5c:55:2d:08:06:ea:d1:69:06:d8:5d:6c:
                    06:1a:e5:0f:2d:50:c1:e9:36:18:97:8a:13:59:c2:
                    f0:71:57:c4:63:3d:d7:98:4e:96:a2:b3:99:13:ce:
                    fd:d2:27:48:91:0c:d4:6e:18:fa:8c:b5:65:f3:99:
                    7a:da:30:0b:63:18:02:51:df:1b:3e:64:fb:f2:8d:
                    48:32:e7:df:8b:6c:54:b8:19
                Exponent: 65537 (0x10001)
        X509v3 extensions:
            X509v3 Subject Key Identifier: 
                04:2F:75:C5:60:9B:31:05:FB:86:70:6F:7E:9A:B0:28:C7:FA:60:F2
            X509v3 Authority Key Identifier: 
                04:2F:75:C5:60:9B:31:05:FB:86:70:6F:7E:9A:B0:28:C7:FA:60:F2
            X509v3 Basic Constraints: critical
                CA:TRUE
            X509v3 Subject Alternative Name: 
                DNS:kubia.example.com, DNS:*.example.com
    Signature Algorithm: sha256WithRSAEncryption
    Signature Value:
        32:c4:e9:b5:19:ba:ee:29:9a:dd:5e:31:75:9c:51:75:c1:0a:
        f3:34:67:e4:0f:42:aa:18:20:92:8b:ed:c3:2a:48:53:27:17:
        2f:39:49:2f:84:ff:86:cc:28:6a:11:af:77:d2:f1:c3:95:dd:
        56:9c:fb:0d:a5:83:f7:ee:fb:10:15:13:dc:ed:76:a8:73:41:
        2d:c5:58:02:ea:ae:fa:8b:95:d0:6b:c8:8c:7d:bb:ad:cb:76:
        24:bb:3e:7a:0b:22:ce:a7:55:88:e8:bb:88:45:ed:ab:9b:64:
        81:40:3d:f7:c5:9b:dc:87:01:f3:95:97:d7:5f:8f:a0:4f:01:
        df:8a
`

/** `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` (PKCS #8 EC key). */
export const OPENSSL_EC_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHPJbQ+MZGPzN2LKd
16DlCXRcDEC8A6q/ziiE+GuznYShRANCAAQN+uM8mVNBD2ROP4EdkX3HVuv/5acn
L2nx6V52FfRVka+yCWoB5EfiUjnQhuH60wK5E6q8LIgOKh2TIIyHJ/wM
-----END PRIVATE KEY-----
`

/** A self-signed P-256 certificate for OPENSSL_EC_KEY (ecdsa-with-SHA256). */
export const OPENSSL_EC_CERT = `-----BEGIN CERTIFICATE-----
MIIBhzCCAS2gAwIBAgIUXWqSvMo4Rs/JJeVucI7aOCKoHx8wCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOZWMuZXhhbXBsZS5jb20wHhcNMjYxMTIxMDY1OTAxWhcNMjYx
MjIxMDY1OTAxWjAZMRcwFQYDVQQDDA5lYy5leGFtcGxlLmNvbTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABA364zyZU0EPZE4/gR2RfcdW6//lpycvafHpXnYV9FWR
r7IJagHkR+JSOdCG4frTArkTqrwsiA4qHZMgjIcn/AyjUzBRMB0GA1UdDgQWBBTU
w5oN8RuTp5zplCbxmaNeCp1ETDAfBgNVHSMEGDAWgBTUw5oN8RuTp5zplCbxmaNe
Cp1ETDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQDTEDQ3dKYw
adv5fs5JpC3uJx0QAQL57QfllryjNrfjdQIgJF2uPQpbAVOxatQca9Enjslcy8JE
y4EL04JdgdKoHEo=
-----END CERTIFICATE-----
`

/** OPENSSL_RSA_KEY in PKCS #1 form (`openssl rsa -in tls.key -traditional`): `RSA PRIVATE KEY`. */
export const OPENSSL_RSA_KEY_PKCS1 = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA5W0xlH0QsV6ATQU4q6AP+jm6UQDofjwIUFTlAgHcNVYBEdG5
LrfIX3IFqfZbCs9DM0ArHTn6sWdnulc5rg13WCv+6Eu1KZ5zOQycKnew31wc6gPk
FG7swHmT7ChQbTzjW6h6WNO+TXij7/hQ6Or+60AVJjpoxvMBNofCg2prRD19Fcmj
XK6sYo7rl2qCIB0sB+wjKROklJSJvhzbrw0ax8oGBomOrhM3H1o61Axxo9YQrLqE
Ce5x7TBgTo2GdYMM5zF6LDi6uSCXMM8mUBc5lil/Ci+AN3CYyPfroFDN+75mp1C/
iJb79AT1lulrs8E9QJUtkcVm8R+hRX1nWGc8iQIDAQABAoIBABS/rlc2hFb2K/ZL
PZfP7wH7TI1c3qnj9gCF3Pw0fNzZ/VjGNdAy0M1I+5gmbo9otTQiXoPTJYf7yRbC
IrZKA3wW5oPNrQGpkdQb/tecYYOhyf+kAHGUopa5qBYYg0WN1yYH86Cq7bAF9BWU
yIR4FDvkXMVLTQSJH5f16TKHYlIWbahss096cNacpKAVH7CIJR1nvmp3VRGVMJB7
5NhcWahRsS9p1Ru3YznpUy+3SPKzYKMi1ei2Cw9oPJs5ce5zNbV/ealDgZzNrZ3j
4kFH2hHgo+QROeMv+sRdU7x4rtr2z4UMo/RRrFg/FMoUalE/5qHz7cVGJgUNlycI
steeVJ0CgYEA+pMMh3tkKJSat4fsxBLUefw/K1qXI5gRDXDhIcZV+PD72AtZiz19
yyNh94vHLdWIkfxmtWJy2CXg0VYmABVpTIZL1d9yjBh2fFOQ0yY3ty/wpnpjnU2b
X1QcmMeqGHnZD+a+6ySbMdLARZPMvhuGhnKSAZtAuePK67PNLjgUprMCgYEA6mTr
rndwFBBn56pYkFOFhnvwLsf5ptOOaCUhlKqYuV8a0u1zoT2CVVaxVkj8BoRM6zVh
zK/dOZH0o2xqlbaQsiNA/IJ0bLl8xzg6TT0386kutK6AQkOMfaRdMrhTSnMCTMfn
yCs+wIBm+weuekv8WYQWGhKYv2Zo9R759SDKTdMCgYAp5Zh8tscCegZ8lX+jMTrR
wrmVOCp5Sx3ez3b1PMJ3Q2P4tb0dKQT1iE8DIx4EreWN81QBFBr7xSmYFv13mhzn
LLVVZ20xu41kMFzQ0V0ThjKIw4IQdT97awb1DL2GJimDHSPjEVXZuNFpUNM1Hkka
BeIf3qOt8UamroOqLLpXPQKBgFGaEPMMYdiaXZIpm+ujKDlJrLScqi2KOWnIg4he
XA0tLwl/4WGhKF7Nb6+6eQNLy/uW+hVopHwGdETw2aqFhJp/63/9asrvSKGS0blS
Nsh9feUpWz22hpK3RjsCMP0aTRKuBeOKKq6aBUAfzH6HNbN0aL1q/AKmhKPRxPOy
FrxBAoGBAJvCUs2QR583rXpfPwuZsHdMvuUbs0I26tQnZHA1YuMEPSACeJ/Yowyf
g9BGdaAunMEszurJZwkLNkd4pt5pL6n6Wy3A0PYkDG+jJ6xKRMj1tDNzNZh9o1N5
NuE71Yr4OThFNylKKrvx8FoqaIybVwZETomx//m4uDoAPkUtSnyr
-----END RSA PRIVATE KEY-----
`
