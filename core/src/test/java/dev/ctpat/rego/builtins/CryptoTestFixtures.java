package dev.ctpat.rego.builtins;

/**
 * Certificates, requests and keys made with OpenSSL for the crypto and JWT builtin tests. The
 * certificates are valid from 2026-11-27 (the leaves until 2032-05-19). Expected field values in
 * the tests were cross-checked against the JSON Go's {@code encoding/json} writes for the same
 * inputs.
 */
final class CryptoTestFixtures {
  private CryptoTestFixtures() {}

  /**
   * Root CA (RSA 2048, self-signed) with critical name constraints: permitting .example.com,
   * 10.0.0.0/8 and mail at example.com, excluding bad.example.com.
   */
  static final String ROOT_CA = """
      -----BEGIN CERTIFICATE-----
      MIIDqzCCApOgAwIBAgIBATANBgkqhkiG9w0BAQsFADBOMQswCQYDVQQGEwJVUzEU
      MBIGA1UECgwLRXhhbXBsZSBPcmcxDzANBgNVBAsMBlVuaXQgQjEYMBYGA1UEAwwP
      RXhhbXBsZSBSb290IENBMB4XDTI2MTEyNzIyMTAyNFoXDTM2MTEyNDIyMTAyNFow
      TjELMAkGA1UEBhMCVVMxFDASBgNVBAoMC0V4YW1wbGUgT3JnMQ8wDQYDVQQLDAZV
      bml0IEIxGDAWBgNVBAMMD0V4YW1wbGUgUm9vdCBDQTCCASIwDQYJKoZIhvcNAQEB
      BQADggEPADCCAQoCggEBALWvWluC7xOlvqlcK9CIMhP9GfJV5H6+lIAGx2003GEP
      ylPCO59FitgeljeuUV7SMtV+uFvOhzg5tCgI/9jiGwFnK6edeNe1j4Q2j3OVeTZ+
      L2XHipjYLT2EKTeIUMBJZvcSSSJNEnQO9hh2CI4S193YwanWeikkDrrPWlictEmP
      C3nLwZuc2bkCVQqfjPpDJERWgQuGvC4QMO9tgSiVJ9w1z0zwq1APoaZJgYYvaiPC
      xZZrNxcmjpK8IpLn3xJkDQxiGmYcOhZqOmrCQVo0iSPhDjhfOjw/hzq+cXEFNGNP
      uMzXv5iglLBZZGc4DTSJ30zGnOrnU56sLuR1mibrYhECAwEAAaOBkzCBkDAPBgNV
      HRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQU8JVLzAixjT9U
      OE4peOQwTzWjuvgwTgYDVR0eAQH/BEQwQqArMA6CDC5leGFtcGxlLmNvbTAKhwgK
      AAAA/wAAADANgQtleGFtcGxlLmNvbaETMBGCD2JhZC5leGFtcGxlLmNvbTANBgkq
      hkiG9w0BAQsFAAOCAQEAdnbFk+B+6mGPCzBOPUjkdop8KReRvjUtLW4wBVMRu/UZ
      JJNe1inFK6HHDd/bJWdF/I+ThrmzMBO88Qfh2vUstvFAmUBdg/hamyVP2hXto/S8
      7rQLdqqnZBSsz+LwqS8PrytXE0y9O07XBzQmSiXGfkAYcaiiNh8KSLZXqVGHb8Qz
      NrryXsngVSYHrP5/IiyQ5T17/mGNTgpd2mp8IUUdcBTCMLBEvLHADTpiULPWrioI
      T4JveGUQ3dPeg5kfSOyGl3e8uv0SloAwdF0TUfHQjfcvC0/vtUDdlp1f/2CPWFmA
      mSFHumUofPi7JzOvn64ZFZIZLz/bSLae+VHArHK19g==
      -----END CERTIFICATE-----
      """;

  /** Intermediate CA (EC P-384) signed by the root: path length 0, two certificate policies. */
  static final String INTERMEDIATE = """
      -----BEGIN CERTIFICATE-----
      MIIC4zCCAcugAwIBAgICEjQwDQYJKoZIhvcNAQEMBQAwTjELMAkGA1UEBhMCVVMx
      FDASBgNVBAoMC0V4YW1wbGUgT3JnMQ8wDQYDVQQLDAZVbml0IEIxGDAWBgNVBAMM
      D0V4YW1wbGUgUm9vdCBDQTAeFw0yNjExMjcyMjEwMjRaFw0zNTAyMTMyMjEwMjRa
      MEIxCzAJBgNVBAYTAlVTMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEdMBsGA1UEAwwU
      RXhhbXBsZSBJbnRlcm1lZGlhdGUwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQc2Sqf
      Fg08Bu9mswtiE6kEq6i+a1oFlJjjrmt90i8K7fKDyWoFnbwM7/4sXIco/OfBNRK3
      xh8/zdbMuV62x6mC5U7IAB0WyX+uSMUrJ9BU0EQzjIPNCJRA1QX+4HkTLUKjgYQw
      gYEwEgYDVR0TAQH/BAgwBgEB/wIBADAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0OBBYE
      FKI147I+EpS8HC5FMiJ1uu7AcOlNMB8GA1UdIwQYMBaAFPCVS8wIsY0/VDhOKXjk
      ME81o7r4MBsGA1UdIAQUMBIwCAYGZ4EMAQIBMAYGBCoDBAUwDQYJKoZIhvcNAQEM
      BQADggEBAH6KAezzfWm683LJly8uvFI1qhqHRZIJpRk1cxzcy1Nlb8kQB96elnNU
      4/c/kZPZSXime1+DYsT20k9wyAs7M82tTl00Ls/odBz7E7zM62WNX3e+8X/pG2/U
      kcre8q8ikDRrqXD8e+9p+OmaNT9Mc7QfNpH0al2mXQAqDj153fCTUtATbQY+0NGW
      N9h17K9axOmNkAGkzxeMqYylGKfevsfTOCKyS05yPv926gr7+DqttgtKegMCVFy2
      Emut2vvx/RNmSpEjfFy94lYwfLbO6+XxbODdNywV1Mf9gCLpR0Yo7j/odDGh5dXM
      +l0AmiztEpxq47BU+9DVue9m6ThdfDk=
      -----END CERTIFICATE-----
      """;

  /** Leaf (RSA 2048) signed by the intermediate: SANs, AIA, CRL distribution point, EKUs. */
  static final String LEAF = """
      -----BEGIN CERTIFICATE-----
      MIIEMDCCA7WgAwIBAgIKASNFZ4mrze8BIzAKBggqhkjOPQQDAjBCMQswCQYDVQQG
      EwJVUzEUMBIGA1UECgwLRXhhbXBsZSBPcmcxHTAbBgNVBAMMFEV4YW1wbGUgSW50
      ZXJtZWRpYXRlMB4XDTI2MTEyNzIyMTAyNVoXDTMyMDUxOTIyMTAyNVowfTELMAkG
      A1UEBhMCREUxDzANBgNVBAgMBkJlcmxpbjEPMA0GA1UEBwwGQmVybGluMRAwDgYD
      VQQKDAdMZWFmIENvMRgwFgYDVQQDDA93d3cuZXhhbXBsZS5jb20xIDAeBgkqhkiG
      9w0BCQEWEWFkbWluQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A
      MIIBCgKCAQEAtX5S2WK/UoKhMejEvc7TAw6shplI9B5SckKmmAn/1RoIVTQVhbVW
      Wt6EXYRAZEEB0sH4w4sV/VOgcxJaNQ49oFMdDXKAL9QF5SPeBUR9OTF7M99V7vU3
      BgTVkc/Q+mfVQFSsLA4EQpUTa4YAZDPNS6biT8SZIdsWaDPr1ySXH4YeQqx20HYM
      K3RHJtCrirRkQ/yhVk32cvTCYQcBYm+ccbNBMGOHh1fFUdXBA18lucgx5pGE/zjX
      Xf47XXTMa9MFN4vhakI6fx2A6Anfk8qbm5ZLEfg4Vogf+Kxb3hyloFch4cXiXl0T
      rFfjnezPVKIMq9tSJr2wnYMXN3M99cOcGwIDAQABo4IBizCCAYcwCQYDVR0TBAIw
      ADAOBgNVHQ8BAf8EBAMCBaAwIwYDVR0lBBwwGgYIKwYBBQUHAwEGCCsGAQUFBwMC
      BgQqAwRjMHQGA1UdEQRtMGuCD3d3dy5leGFtcGxlLmNvbYIRKi5hcGkuZXhhbXBs
      ZS5jb22HBAoBAgOHBAoAAAGBEWFkbWluQGV4YW1wbGUuY29thiZzcGlmZmU6Ly9l
      eGFtcGxlLmNvbS9ucy9kZWZhdWx0L3NhL3dlYjBeBggrBgEFBQcBAQRSMFAwIwYI
      KwYBBQUHMAGGF2h0dHA6Ly9vY3NwLmV4YW1wbGUuY29tMCkGCCsGAQUFBzAChh1o
      dHRwOi8vY2EuZXhhbXBsZS5jb20vaW50LmNydDAvBgNVHR8EKDAmMCSgIqAghh5o
      dHRwOi8vY3JsLmV4YW1wbGUuY29tL2ludC5jcmwwHQYDVR0OBBYEFBRgNaYjZCZN
      Ob0fOAFuiRM2rJIkMB8GA1UdIwQYMBaAFKI147I+EpS8HC5FMiJ1uu7AcOlNMAoG
      CCqGSM49BAMCA2kAMGYCMQD3nZYelmHfX2p+lNpdN0AwOPkNzvtmmfK34Q6Urtx3
      Z703hjlkYKzXhfiVAJTig6ACMQDoA7qz5rLxBzdDM3KMw+u54k1gGcblpfjJjbrM
      yg4zT2qdlzCjGDCNWmhSmcdSOTA=
      -----END CERTIFICATE-----
      """;

  /** The leaf's private key (PKCS #8). */
  static final String LEAF_KEY = """
      -----BEGIN PRIVATE KEY-----
      MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC1flLZYr9SgqEx
      6MS9ztMDDqyGmUj0HlJyQqaYCf/VGghVNBWFtVZa3oRdhEBkQQHSwfjDixX9U6Bz
      Elo1Dj2gUx0NcoAv1AXlI94FRH05MXsz31Xu9TcGBNWRz9D6Z9VAVKwsDgRClRNr
      hgBkM81LpuJPxJkh2xZoM+vXJJcfhh5CrHbQdgwrdEcm0KuKtGRD/KFWTfZy9MJh
      BwFib5xxs0EwY4eHV8VR1cEDXyW5yDHmkYT/ONdd/jtddMxr0wU3i+FqQjp/HYDo
      Cd+TypublksR+DhWiB/4rFveHKWgVyHhxeJeXROsV+Od7M9Uogyr21ImvbCdgxc3
      cz31w5wbAgMBAAECgf9J4vV7a70l86wctMpE4ek49CGkqj2TOO3m/LY8GsvJf+k2
      dMVtALLF73ShvGOZOaqd9Hh/xt0yAfMsQcIv9f183AdO3a+uGuV+sEl6YJ/h1uHR
      S686iZnDWYZlfxFH1cAznm3p/FowRiRAiD2/RalyE6JquEezpJdCWeDhum88Qai4
      apinQaaIr72Ka/Jrb0LNP1fMi8FMKHmkQkD9x9uPt1nPSuTqcxiXbLIXrAOBfIOB
      wr5kak+GKf+NktpYJAEwlLb0jxWkzTyiG8ytsIpA2SJ3tMvvqho0bWUFtEGbKz1m
      ylVQPh7P2m7MksD8yf25SeCDeKK32gv/bSjUvKkCgYEA4f+k/W5cypblxiCaENTx
      uVLNO7oG/ThFd7d1QjMtPkdot190B9m9ICwlLDiguOfnD5IP0OuDxi9wBQ91JpSl
      UMFT2wPX4lzyeTFdWA/wiORe4ZzPGDWKTqCpM4YpXcg5UqxHUMpns89NqX6cB/3F
      x8a0dkTiVNC9NOJ+g3KRXnkCgYEAzZY2TNmw80u1ebxe3pmbXWE5EDZRNNxgwYA4
      JoXI9AvMZlT674T3g8mTSLOis9BOo5lyAYSnAn6YnwzgVuYUbodZtxHJHD3DE4Q1
      EhWjTN/sIUz5BRpn4tv+DMKCcJgj/BXU5bkPLmfv7rs6sFifNT3HAq/sezfNY11f
      iX2BmjMCgYA6ORZUhD47oyyHIpcOhw3PZNmi7YYnbnvXH9iBuZWKWfNMarcF3r6u
      rzDUd7JQcM5CYKradBJ62HXPl+/ihKEicOwdnJvdoXyGZIVbzp91ZQBct31TC1ga
      caGluIantpGuDtxAoCSfWmTzqb6hAGwXz8VmQtDccPqNyVw2mSmCYQKBgQCr+wTh
      tRo57RObCuGyBX3a2AIMdePo/JJUTRar4y8AOP58fIqO5ATK0k3Le7qYAaJHaY3d
      h0LO62hxZSwmhcKB0+hRJSe/4ErYgLiEsGUzYf7+vI10n2pYdQBJXE4SMrOnpfu7
      UNxKTdiBNU8bRoeo2k0pClIhocTHYs0RD1Tj0QKBgQCKB5Owg7DxWKQKxKloee1c
      LV5yErQ+tPKQV74A1Ustd/J4mhuXu+RexWX7iRriHwk0ONsgkMLJ01KILf7czdZC
      5CsQjE0vovkWrW1Pv/CmBs7CGpNPx6S97kgqFxBxqV8HsGdfv5w/jc+ZdijDmPNk
      dCybC8p0bAQj6jO7C7IOzg==
      -----END PRIVATE KEY-----
      """;

  /** A leaf for x.other.org signed by the intermediate, outside the root's name constraints. */
  static final String LEAF_OUTSIDE_CONSTRAINTS = """
      -----BEGIN CERTIFICATE-----
      MIIC/jCCAoSgAwIBAgIBCTAKBggqhkjOPQQDAjBCMQswCQYDVQQGEwJVUzEUMBIG
      A1UECgwLRXhhbXBsZSBPcmcxHTAbBgNVBAMMFEV4YW1wbGUgSW50ZXJtZWRpYXRl
      MB4XDTI2MTEyNzIyMTMyMFoXDTMyMDUxOTIyMTMyMFowfTELMAkGA1UEBhMCREUx
      DzANBgNVBAgMBkJlcmxpbjEPMA0GA1UEBwwGQmVybGluMRAwDgYDVQQKDAdMZWFm
      IENvMRgwFgYDVQQDDA93d3cuZXhhbXBsZS5jb20xIDAeBgkqhkiG9w0BCQEWEWFk
      bWluQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
      tX5S2WK/UoKhMejEvc7TAw6shplI9B5SckKmmAn/1RoIVTQVhbVWWt6EXYRAZEEB
      0sH4w4sV/VOgcxJaNQ49oFMdDXKAL9QF5SPeBUR9OTF7M99V7vU3BgTVkc/Q+mfV
      QFSsLA4EQpUTa4YAZDPNS6biT8SZIdsWaDPr1ySXH4YeQqx20HYMK3RHJtCrirRk
      Q/yhVk32cvTCYQcBYm+ccbNBMGOHh1fFUdXBA18lucgx5pGE/zjXXf47XXTMa9MF
      N4vhakI6fx2A6Anfk8qbm5ZLEfg4Vogf+Kxb3hyloFch4cXiXl0TrFfjnezPVKIM
      q9tSJr2wnYMXN3M99cOcGwIDAQABo2UwYzAWBgNVHREEDzANggt4Lm90aGVyLm9y
      ZzAJBgNVHRMEAjAAMB0GA1UdDgQWBBQUYDWmI2QmTTm9HzgBbokTNqySJDAfBgNV
      HSMEGDAWgBSiNeOyPhKUvBwuRTIidbruwHDpTTAKBggqhkjOPQQDAgNoADBlAjEA
      pHGkOj5rCoceejBf5gJ7zZbSJi+Vp9ZBsNGKaM0wYisqaAVZAwX23dRj6Ecqr3YI
      AjBuM6kR7IYkgyhD0WmoMdLJgc/NMq9m6NKrQskGg46/lLwSkc10kaR75ZN4rV/R
      A5Y=
      -----END CERTIFICATE-----
      """;

  /** A request for the leaf, with subject alternative names. */
  static final String LEAF_CSR = """
      -----BEGIN CERTIFICATE REQUEST-----
      MIIDDTCCAfUCAQAwfTELMAkGA1UEBhMCREUxDzANBgNVBAgMBkJlcmxpbjEPMA0G
      A1UEBwwGQmVybGluMRAwDgYDVQQKDAdMZWFmIENvMRgwFgYDVQQDDA93d3cuZXhh
      bXBsZS5jb20xIDAeBgkqhkiG9w0BCQEWEWFkbWluQGV4YW1wbGUuY29tMIIBIjAN
      BgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtX5S2WK/UoKhMejEvc7TAw6shplI
      9B5SckKmmAn/1RoIVTQVhbVWWt6EXYRAZEEB0sH4w4sV/VOgcxJaNQ49oFMdDXKA
      L9QF5SPeBUR9OTF7M99V7vU3BgTVkc/Q+mfVQFSsLA4EQpUTa4YAZDPNS6biT8SZ
      IdsWaDPr1ySXH4YeQqx20HYMK3RHJtCrirRkQ/yhVk32cvTCYQcBYm+ccbNBMGOH
      h1fFUdXBA18lucgx5pGE/zjXXf47XXTMa9MFN4vhakI6fx2A6Anfk8qbm5ZLEfg4
      Vogf+Kxb3hyloFch4cXiXl0TrFfjnezPVKIMq9tSJr2wnYMXN3M99cOcGwIDAQAB
      oEswSQYJKoZIhvcNAQkOMTwwOjA4BgNVHREEMTAvgg93d3cuZXhhbXBsZS5jb22H
      BAoBAgOGFnNwaWZmZTovL2V4YW1wbGUuY29tL3gwDQYJKoZIhvcNAQELBQADggEB
      AC+APlnCtQ9TaLw8dp2eW4XEGzWX1tGVSMLQilLmcjIJ2YZlrVUeP/bVuZeWrfia
      U+qanUnCY5es2SGFSCL/uHzhpghkIiC21wb+2Cej06ytHsqdS+Zk4bXnFx4UpAaz
      s9l2Y1WI9P6uK4sSXmuWlYW0Mtgt+TD0XyXiJJoIoDh8W+sa3fuhwQPjPevrSpDk
      qsdVrjVYFJsJQmzfNzwTfhteJB7qQ/YEEp1VQLK8toRgvjqhP3uU60ikU/KHbchW
      Jc/QIJGsVase4xia721xePRCsb5PuZrcE42lfDKliJyWhxDl7ZIEM2iw63NoTw5B
      0TWAyp9J/NxNuO+JBpVbGvc=
      -----END CERTIFICATE REQUEST-----
      """;

  /** A request (EC P-256) with SANs of every kind and further extensions. */
  static final String EC_CSR = """
      -----BEGIN CERTIFICATE REQUEST-----
      MIIBpTCCAUwCAQAwNDEYMBYGA1UEAwwPY3NyLmV4YW1wbGUuY29tMQwwCgYDVQQK
      DANPcmcxCjAIBgNVBAUTATcwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQB4QDp
      R2NNDYCa4IHv21b4Szjp///B+MpLEDztamx2rDNsbcJXZ7F675XiNrin1OuUJtqe
      cEli9TR7FiWda0WKoIG1MIGyBgkqhkiG9w0BCQ4xgaQwgaEwcQYDVR0RBGowaIIN
      YS5leGFtcGxlLmNvbYENeEBleGFtcGxlLmNvbYcQAAAAAAAAAAAAAAAAAAAAAYcQ
      IAENuAAAAAAAAAAAAAAABYYkaHR0cHM6Ly91LmV4YW1wbGUuY29tOjg0NDMvcCUy
      MGE/cT0xMA4GA1UdDwEB/wQEAwIHgDAMBgNVHRMBAf8EAjAAMA4GAyoDBAQHDAVo
      ZWxsbzAKBggqhkjOPQQDAgNHADBEAiA3jjZpYxpMSKMpe1ECRTPdMDN4fyoOkZzE
      wVRmNvV1sQIgMmFBZZzz/WD3kfJ/Y6GLuL+TdxDzUul4RYnH38UgENo=
      -----END CERTIFICATE REQUEST-----
      """;

  /** Self-signed EC P-256 certificate. */
  static final String EC_CERT = """
      -----BEGIN CERTIFICATE-----
      MIIBoDCCAUegAwIBAgIUJlWIomnsa1ouZpKN1m/O5FJIDSYwCgYIKoZIzj0EAwIw
      JjEXMBUGA1UEAwwOZWMgc2VsZi1zaWduZWQxCzAJBgNVBAUTAjQyMB4XDTI2MTEy
      NzIyMTAyNVoXDTI3MDMwNzIyMTAyNVowJjEXMBUGA1UEAwwOZWMgc2VsZi1zaWdu
      ZWQxCzAJBgNVBAUTAjQyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEAeEA6Udj
      TQ2AmuCB79tW+Es46f//wfjKSxA87WpsdqwzbG3CV2exeu+V4ja4p9TrlCbannBJ
      YvU0exYlnWtFiqNTMFEwHQYDVR0OBBYEFP45BPPB5Pxh8ZYrvuIB4pMzv2EJMB8G
      A1UdIwQYMBaAFP45BPPB5Pxh8ZYrvuIB4pMzv2EJMA8GA1UdEwEB/wQFMAMBAf8w
      CgYIKoZIzj0EAwIDRwAwRAIgLt2msLGdxJdEImA1h1fBS4wXI9wlEJHv5az3MmAT
      6KECIDXyVIaHPUsL2h+CqDCR2Wl4xG21G6gVGdT/G3WG6oLD
      -----END CERTIFICATE-----
      """;

  /** Its key (SEC 1). */
  static final String EC_KEY = """
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIMYTa9ekGIMxVz1N+SSyiAGBEct5NU+qk9dMbRSAaJjcoAoGCCqGSM49
      AwEHoUQDQgAEAeEA6UdjTQ2AmuCB79tW+Es46f//wfjKSxA87WpsdqwzbG3CV2ex
      eu+V4ja4p9TrlCbannBJYvU0exYlnWtFig==
      -----END EC PRIVATE KEY-----
      """;

  /** {@link #EC_KEY} without its optional public key (SEC 1). */
  static final String EC_KEY_WITHOUT_PUBLIC_KEY = """
      -----BEGIN EC PRIVATE KEY-----
      MDECAQEEIMYTa9ekGIMxVz1N+SSyiAGBEct5NU+qk9dMbRSAaJjcoAoGCCqGSM49
      AwEH
      -----END EC PRIVATE KEY-----
      """;

  /** {@link #EC_KEY} as PKCS #8. */
  static final String EC_KEY_PKCS8 = """
      -----BEGIN PRIVATE KEY-----
      MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgxhNr16QYgzFXPU35
      JLKIAYERy3k1T6qT10xtFIBomNyhRANCAAQB4QDpR2NNDYCa4IHv21b4Szjp///B
      +MpLEDztamx2rDNsbcJXZ7F675XiNrin1OuUJtqecEli9TR7FiWda0WK
      -----END PRIVATE KEY-----
      """;

  /** Self-signed Ed25519 certificate. */
  static final String ED25519_CERT = """
      -----BEGIN CERTIFICATE-----
      MIIBUTCCAQOgAwIBAgIUWbyXU5KMSws6bnjBy331Wezv4xgwBQYDK2VwMB4xHDAa
      BgNVBAMME2VkMjU1MTkgc2VsZi1zaWduZWQwHhcNMjYxMTI3MjIxMDI1WhcNMjcw
      MzA3MjIxMDI1WjAeMRwwGgYDVQQDDBNlZDI1NTE5IHNlbGYtc2lnbmVkMCowBQYD
      K2VwAyEADLWnnBMm56d0tEDYmrkjFuptQ146gZ5zn6RepJBINX6jUzBRMB0GA1Ud
      DgQWBBRGNvt6UYPW25M5BAHGWufGXe9jQDAfBgNVHSMEGDAWgBRGNvt6UYPW25M5
      BAHGWufGXe9jQDAPBgNVHRMBAf8EBTADAQH/MAUGAytlcANBAP47BLvR4ttBqeiP
      Ip7z8kwQb7JMdiekAOrjDT/lhhwle25M3M3scSMUc7SYasgNef3h5dVMptb/TwZq
      7awqsw8=
      -----END CERTIFICATE-----
      """;

  /** Its key (PKCS #8). */
  static final String ED25519_KEY = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIEzrTYG6F8cbGwkGYrgv0vhxHjh9BXUD16Fj2DhEPk1D
      -----END PRIVATE KEY-----
      """;

  /** An RSA 1024 key (PKCS #1). */
  static final String RSA_1024_KEY = """
      -----BEGIN RSA PRIVATE KEY-----
      MIICXAIBAAKBgQC1gqzUo/jAKUJPZO0pkHTBzx4QHJvf7WyqU2kjUMALDOqz88zH
      F3wxkAMzDPE6MKlwjBDXCcrnU1Se5JNRr6hQuoYuy4XqvldJjW1T/WrqiSBSt4D5
      WrgKNXIzO9oSTiE8+ARPKHoKZdnHffIpJbBPx4t3W+8SG00RoMp7nErHBQIDAQAB
      AoGBAIjBtjpYePk/nOh44H+qiW3lAX+eLotfNbp3MgYbtzYcO1HuZOG0fixRlzeF
      jtMLCv7zaVS72hbEoEM/cQfg020J8I1FX7dzq1v3wUNYBhs4bBdWVkIlfFt00o3Q
      qugIM9ERuPsRu4pxqK63CwsqTuZNAowVuSac2sqwUKfelRlZAkEA6NliS5htiaUW
      EVIUjtW4tgTFI6+GvzZg0LwfgsFPXRWe1XReka5YkO3QwGKxV+VdgV5oDL+fTPu1
      nbCk/O9ikwJBAMeOlnJRhlq+/5JktNVXo0otpe6UfGMA1R0Cdktw36B3/4iH2Q7g
      NB9K6813u3cDrAZRwqZke+48lRPJvKmYtwcCQHa/Fb/TllkR1bUzlMRa/f3lZNwU
      EbXF9427wp4eE2k3M29MD0ZgEU6n2UOjkSlwEUV+bbXCq2zJGQ+4HAvZ0P0CQFsT
      Ekp+Nok33kAbwgQUCSwThUVLczFj8d9Zfk+T5hvAaFkRVtjZLjCR6uhNGruIa3w+
      2E1EUuM5tvfe/EGStwUCQEqgQvC/jqIiT3bbEMitHi4Ap1J0MQ994bIk8sh5F9ER
      MHJXG7EP++JM1i0Vaob1jmvWeASjd+BGBr5VV61d9bw=
      -----END RSA PRIVATE KEY-----
      """;
}
