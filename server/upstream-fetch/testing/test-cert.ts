/**
 * A self-signed certificate for recordings.example.com, cdn.example.com and
 * a.storage.example.com (valid for 100 years), made once with openssl for the tests: an https
 * recording host on loopback that the guard reaches through an injected resolver.
 */
export const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIB5zCCAYygAwIBAgIUZo6FF+jsuCRp/yF7HSZCS6HQecowCgYIKoZIzj0EAwIw
ITEfMB0GA1UEAwwWcmVjb3JkaW5ncy5leGFtcGxlLmNvbTAgFw0yNjExMjUwODM0
NDlaGA8yMTI2MTEwMTA4MzQ0OVowITEfMB0GA1UEAwwWcmVjb3JkaW5ncy5leGFt
cGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKhiv1w20kJi0+R1GXYR
RlkMPaeJRWJd2SPxVniy6pzjOd6b9Hen4aA7pa2XYqRINeH9eEtZGyTcvbnvrHzY
unujgZ8wgZwwHQYDVR0OBBYEFFRzYWBd5BXSGMeC77JlqObPWim1MB8GA1UdIwQY
MBaAFFRzYWBd5BXSGMeC77JlqObPWim1MA8GA1UdEwEB/wQFMAMBAf8wSQYDVR0R
BEIwQIIWcmVjb3JkaW5ncy5leGFtcGxlLmNvbYIPY2RuLmV4YW1wbGUuY29tghVh
LnN0b3JhZ2UuZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSQAwRgIhAJSibBQwcBzJ
1EI1YxSSfhJNp7wyAbv1nTsmVkmFPCecAiEAuVMK9bQCfykwxVMHTl+iEsYCG1Vs
6KN7q7gqsUsmW+Q=
-----END CERTIFICATE-----`;

export const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgw1TmSioP0sP65iC+
jMs4NM3WiZsHqQ+q9awFI8I3yRShRANCAASoYr9cNtJCYtPkdRl2EUZZDD2niUVi
Xdkj8VZ4suqc4znem/R3p+GgO6Wtl2KkSDXh/XhLWRsk3L2576x82Lp7
-----END PRIVATE KEY-----`;
