package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoX509.Certificate;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Certificate chain verification as OPA does it with Go's {@code Certificate.Verify}: the first
 * certificate is the only root, the last is the leaf, the others are intermediates. Chains are
 * built from the leaf by issuer name and signature; every certificate must be within its
 * validity period and free of unhandled critical extensions, issuers must be CAs allowed to
 * sign, path lengths and name constraints are enforced, and the leaf must match the requested
 * DNS name and extended key usages (server authentication by default). As in Go, SHA-1, MD5
 * and DSA signatures are not accepted. Certificate policy processing is not done.
 */
final class CryptoX509Verifier {
  private static final int MAX_SIGNATURE_CHECKS = 100;
  private static final int DEFAULT_MAX_CONSTRAINT_COMPARISONS = 250_000;

  private final Options options;
  private final Certificate root;
  private final List<Certificate> intermediates;
  private int signatureChecks;

  /** Go's {@code x509.VerifyOptions} as OPA fills them. */
  record Options(String dnsName, Instant currentTime, List<Integer> keyUsages,
      int maxConstraintComparisons) {}

  /** The chain from leaf to root Go picks, or null when the certificates do not verify. */
  static List<Certificate> verify(List<Certificate> certs, Options options) {
    if (certs.size() < 2) {
      return null;
    }
    List<Certificate> intermediates = new ArrayList<>();
    for (Certificate c : certs.subList(1, certs.size() - 1)) {
      if (intermediates.stream().noneMatch(i -> Arrays.equals(i.raw, c.raw))) {
        intermediates.add(c);
      }
    }
    return new CryptoX509Verifier(options, certs.get(0), intermediates)
        .verifyLeaf(certs.get(certs.size() - 1));
  }

  private CryptoX509Verifier(Options options, Certificate root, List<Certificate> intermediates) {
    this.options = options;
    this.root = root;
    this.intermediates = intermediates;
  }

  private List<Certificate> verifyLeaf(Certificate leaf) {
    if (!isValid(leaf, List.of(), false)) {
      return null;
    }
    if (!options.dnsName().isEmpty() && !matchesHostname(leaf, options.dnsName())) {
      return null;
    }
    List<List<Certificate>> chains = new ArrayList<>();
    if (Arrays.equals(root.raw, leaf.raw)) {
      chains.add(List.of(leaf));
    } else {
      buildChains(List.of(leaf), chains);
    }
    List<Integer> usages = options.keyUsages().isEmpty()
        ? List.of(CryptoX509.EXT_KEY_USAGE_SERVER_AUTH) : options.keyUsages();
    for (List<Certificate> chain : chains) {
      if (usages.contains(CryptoX509.EXT_KEY_USAGE_ANY) || allowsUsages(chain, usages)) {
        return chain;
      }
    }
    return null;
  }

  /** Extends {@code chain} (leaf first) with each acceptable issuer, collecting full chains. */
  private void buildChains(List<Certificate> chain, List<List<Certificate>> out) {
    Certificate child = chain.get(chain.size() - 1);
    for (Certificate candidate : potentialParents(child, List.of(root))) {
      if (considerCandidate(chain, candidate, true)) {
        out.add(append(chain, candidate));
      }
    }
    for (Certificate candidate : potentialParents(child, intermediates)) {
      if (considerCandidate(chain, candidate, false)) {
        buildChains(append(chain, candidate), out);
      }
    }
  }

  private boolean considerCandidate(List<Certificate> chain, Certificate candidate,
      boolean isRoot) {
    if (candidate.publicKey == null || alreadyInChain(candidate, chain)) {
      return false;
    }
    if (++signatureChecks > MAX_SIGNATURE_CHECKS) {
      return false;
    }
    return isSignedBy(chain.get(chain.size() - 1), candidate)
        && isValid(candidate, chain, !isRoot);
  }

  /**
   * The certificates of {@code pool} with the child's issuer as subject: those whose subject
   * key id matches the child's authority key id first, then those where one is missing, then
   * the rest, as Go orders them.
   */
  private static List<Certificate> potentialParents(Certificate child, List<Certificate> pool) {
    List<Certificate> matching = new ArrayList<>();
    List<Certificate> oneMissing = new ArrayList<>();
    List<Certificate> mismatched = new ArrayList<>();
    for (Certificate c : pool) {
      if (!Arrays.equals(c.rawSubject, child.rawIssuer)) {
        continue;
      }
      boolean skid = c.subjectKeyId != null && c.subjectKeyId.length > 0;
      boolean akid = child.authorityKeyId != null && child.authorityKeyId.length > 0;
      if (Arrays.equals(orEmpty(c.subjectKeyId), orEmpty(child.authorityKeyId))) {
        matching.add(c);
      } else if (skid != akid) {
        oneMissing.add(c);
      } else {
        mismatched.add(c);
      }
    }
    matching.addAll(oneMissing);
    matching.addAll(mismatched);
    return matching;
  }

  private static byte[] orEmpty(byte[] b) {
    return b == null ? new byte[0] : b;
  }

  private static boolean alreadyInChain(Certificate candidate, List<Certificate> chain) {
    for (Certificate c : chain) {
      if (Arrays.equals(c.rawSubject, candidate.rawSubject)
          && Arrays.equals(c.rawSpki, candidate.rawSpki)) {
        return true;
      }
    }
    return false;
  }

  private static List<Certificate> append(List<Certificate> chain, Certificate c) {
    List<Certificate> out = new ArrayList<>(chain);
    out.add(c);
    return out;
  }

  /** Go's {@code isValid}: the checks of one certificate at its place in the chain. */
  private boolean isValid(Certificate c, List<Certificate> chain, boolean intermediate) {
    if (c.unhandledCriticalExtensions != null) {
      return false;
    }
    if (!chain.isEmpty()
        && !Arrays.equals(chain.get(chain.size() - 1).rawIssuer, c.rawSubject)) {
      return false;
    }
    Instant now = options.currentTime();
    if (now.isBefore(c.notBefore.toInstant()) || now.isAfter(c.notAfter.toInstant())) {
      return false;
    }
    if (!chain.isEmpty() && hasNameConstraints(c) && !permitsNames(c, chain)) {
      return false;
    }
    if (intermediate && (!c.basicConstraintsValid || !c.isCA)) {
      return false;
    }
    return !(c.basicConstraintsValid && c.maxPathLen >= 0 && chain.size() - 1 > c.maxPathLen);
  }

  /** Go's {@code CheckSignatureFrom}: the parent may sign certificates and signed this one. */
  private static boolean isSignedBy(Certificate child, Certificate parent) {
    if (parent.version == 3 && !parent.basicConstraintsValid
        || parent.basicConstraintsValid && !parent.isCA) {
      return false;
    }
    if (parent.keyUsage != 0 && (parent.keyUsage & CryptoX509.KEY_USAGE_CERT_SIGN) == 0) {
      return false;
    }
    try {
      Signature verifier = signature(child.signatureAlgorithm);
      if (verifier == null) {
        return false;
      }
      verifier.initVerify(parent.publicKey);
      verifier.update(child.rawTbs);
      return verifier.verify(child.signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A verifier for the algorithms Go accepts in chains; null for the others. */
  private static Signature signature(int algorithm) throws GeneralSecurityException {
    return switch (algorithm) {
      case CryptoX509.SHA256_WITH_RSA -> Signature.getInstance("SHA256withRSA");
      case CryptoX509.SHA384_WITH_RSA -> Signature.getInstance("SHA384withRSA");
      case CryptoX509.SHA512_WITH_RSA -> Signature.getInstance("SHA512withRSA");
      case CryptoX509.ECDSA_WITH_SHA256 -> Signature.getInstance("SHA256withECDSA");
      case CryptoX509.ECDSA_WITH_SHA384 -> Signature.getInstance("SHA384withECDSA");
      case CryptoX509.ECDSA_WITH_SHA512 -> Signature.getInstance("SHA512withECDSA");
      case CryptoX509.SHA256_WITH_RSA_PSS -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
      case CryptoX509.SHA384_WITH_RSA_PSS -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
      case CryptoX509.SHA512_WITH_RSA_PSS -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
      case CryptoX509.PURE_ED25519 -> Signature.getInstance("Ed25519");
      default -> null;
    };
  }

  private static Signature pss(String hash, MGF1ParameterSpec mgf, int salt)
      throws GeneralSecurityException {
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, salt, 1));
    return s;
  }

  /**
   * Go's {@code checkChainForKeyUsage}: walking from the root, each certificate that restricts
   * extended key usages (without allowing any) removes the requested usages it lacks.
   */
  private static boolean allowsUsages(List<Certificate> chain, List<Integer> requested) {
    List<Integer> remaining = new ArrayList<>(requested);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Certificate c = chain.get(i);
      if (c.extKeyUsage == null && c.unknownExtKeyUsage == null) {
        continue;
      }
      List<Integer> usages = c.extKeyUsage == null ? List.of() : c.extKeyUsage;
      if (usages.contains(CryptoX509.EXT_KEY_USAGE_ANY)) {
        continue;
      }
      remaining.removeIf(usage -> !allows(usages, usage));
      if (remaining.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a certificate's usages include {@code requested}; as in Go, the Netscape and
   * Microsoft server gated crypto usages count as server authentication.
   */
  private static boolean allows(List<Integer> usages, int requested) {
    return usages.contains(requested)
        || requested == CryptoX509.EXT_KEY_USAGE_SERVER_AUTH
            && (usages.contains(CryptoX509.EXT_KEY_USAGE_MICROSOFT_SGC)
                || usages.contains(CryptoX509.EXT_KEY_USAGE_NETSCAPE_SGC));
  }

  // ---- host names --------------------------------------------------------------------------

  /** Go's {@code VerifyHostname}: IPs against IP SANs, names against DNS SANs. */
  static boolean matchesHostname(Certificate c, String host) {
    String candidateIp = host.length() >= 3 && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    byte[] ip = CryptoGoNet.parseIp(candidateIp);
    if (ip != null) {
      List<byte[]> ips = c.names.ipAddresses == null ? List.of() : c.names.ipAddresses;
      return ips.stream().anyMatch(candidate -> sameIp(ip, candidate));
    }
    String name = host.toLowerCase(Locale.ROOT);
    boolean validName = validHostname(name, false);
    List<String> dnsNames = c.names.dnsNames == null ? List.of() : c.names.dnsNames;
    for (String pattern : dnsNames) {
      if (validName && validHostname(pattern, true)
          ? matchHostnames(pattern, name) : matchExactly(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameIp(byte[] a, byte[] b) {
    return Arrays.equals(to16(a), to16(b));
  }

  private static byte[] to16(byte[] ip) {
    if (ip.length == 16) {
      return ip;
    }
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(ip, 0, out, 12, 4);
    return out;
  }

  private static boolean matchExactly(String a, String b) {
    if (a.isEmpty() || a.equals(".") || b.isEmpty() || b.equals(".")) {
      return false;
    }
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static boolean matchHostnames(String pattern, String host) {
    pattern = pattern.toLowerCase(Locale.ROOT);
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    String[] patternParts = pattern.split("\\.", -1);
    String[] hostParts = host.split("\\.", -1);
    if (patternParts.length != hostParts.length) {
      return false;
    }
    for (int i = 0; i < patternParts.length; i++) {
      if (!(i == 0 && patternParts[i].equals("*")) && !patternParts[i].equals(hostParts[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean validHostname(String host, boolean isPattern) {
    if (!isPattern && host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.equals("*")) {
      return false;
    }
    String[] parts = host.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        return false;
      }
      if (isPattern && i == 0 && part.equals("*")) {
        continue;
      }
      for (int j = 0; j < part.length(); j++) {
        char ch = part.charAt(j);
        boolean ok = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
            || ch == '-' && j != 0 || ch == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- name constraints --------------------------------------------------------------------

  private static boolean hasNameConstraints(Certificate c) {
    return !c.permitted.isEmpty() || !c.excluded.isEmpty();
  }

  /** Whether the names of the certificates below the CA {@code c} satisfy its constraints. */
  private boolean permitsNames(Certificate c, List<Certificate> chain) {
    int max = options.maxConstraintComparisons() > 0
        ? options.maxConstraintComparisons() : DEFAULT_MAX_CONSTRAINT_COMPARISONS;
    int[] comparisons = {0};
    for (Certificate below : chain) {
      CryptoX509Names.GeneralNames names = below.names;
      for (String email : orNone(names.emailAddresses)) {
        String[] mailbox = mailbox(email);
        if (mailbox == null || !permits(comparisons, max, c.permitted.emailAddresses,
            c.excluded.emailAddresses, constraint -> matchEmail(mailbox, constraint))) {
          return false;
        }
      }
      for (String dns : orNone(names.dnsNames)) {
        if (CryptoX509Names.reverseLabels(dns) == null || !permits(comparisons, max,
            c.permitted.dnsDomains, c.excluded.dnsDomains, constraint -> matchDomain(dns,
                constraint))) {
          return false;
        }
      }
      for (String uri : orNone(names.uris)) {
        String host = uriHost(uri);
        if (host == null || !permits(comparisons, max, c.permitted.uriDomains,
            c.excluded.uriDomains, constraint -> matchDomain(host, constraint))) {
          return false;
        }
      }
      for (byte[] ip : orNone(names.ipAddresses)) {
        if (!permits(comparisons, max, c.permitted.ipRanges, c.excluded.ipRanges,
            range -> matchIp(ip, range))) {
          return false;
        }
      }
    }
    return true;
  }

  private static <T> List<T> orNone(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A constraint matcher; null means the name cannot be matched (an error in Go). */
  private interface Matcher<T> {
    Boolean matches(T constraint);
  }

  /** Go's {@code checkNameConstraints}: no excluded constraint matches, a permitted one does. */
  private static <T> boolean permits(int[] comparisons, int max, List<T> permitted,
      List<T> excluded, Matcher<T> matcher) {
    List<T> ex = orNone(excluded);
    List<T> perm = orNone(permitted);
    comparisons[0] += ex.size() + perm.size();
    if (comparisons[0] > max) {
      return false;
    }
    for (T constraint : ex) {
      Boolean m = matcher.matches(constraint);
      if (m == null || m) {
        return false;
      }
    }
    for (T constraint : perm) {
      Boolean m = matcher.matches(constraint);
      if (m == null) {
        return false;
      }
      if (m) {
        return true;
      }
    }
    return perm.isEmpty();
  }

  /** Go's {@code matchDomainConstraint}; a leading dot requires at least one more label. */
  private static Boolean matchDomain(String domain, String constraint) {
    if (constraint.isEmpty()) {
      return true;
    }
    List<String> domainLabels = CryptoX509Names.reverseLabels(domain);
    boolean mustHaveSubdomains = constraint.startsWith(".");
    List<String> constraintLabels =
        CryptoX509Names.reverseLabels(CryptoX509Extensions.withoutLeadingDot(constraint));
    if (domainLabels == null || constraintLabels == null) {
      return null;
    }
    if (domainLabels.size() < constraintLabels.size()
        || mustHaveSubdomains && domainLabels.size() == constraintLabels.size()) {
      return false;
    }
    for (int i = 0; i < constraintLabels.size(); i++) {
      if (!constraintLabels.get(i).equalsIgnoreCase(domainLabels.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Boolean matchEmail(String[] mailbox, String constraint) {
    if (constraint.contains("@")) {
      String[] wanted = mailbox(constraint);
      if (wanted == null) {
        return null;
      }
      return mailbox[0].equals(wanted[0]) && mailbox[1].equalsIgnoreCase(wanted[1]);
    }
    return matchDomain(mailbox[1], constraint);
  }

  private static Boolean matchIp(byte[] ip, byte[][] range) {
    byte[] base = range[0];
    byte[] mask = range[1];
    if (ip.length != base.length) {
      return false;
    }
    for (int i = 0; i < ip.length; i++) {
      if ((ip[i] & mask[i]) != (base[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }

  /** The host of a URI for constraint matching: no port, and not an IP address. */
  private static String uriHost(String uri) {
    String host;
    try {
      host = ((dev.ctpat.rego.value.StringValue) CryptoGoNet.url(uri).get("Host")).value();
    } catch (CryptoGoNet.BadUrl e) {
      return null;
    }
    if (host.isEmpty()) {
      return null;
    }
    if (host.contains(":") && !host.endsWith("]")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    if (host.startsWith("[") && host.endsWith("]") || CryptoGoNet.parseIp(host) != null) {
      return null;
    }
    return host;
  }

  /** An address split into local part and domain, or null when it is not a simple mailbox. */
  static String[] mailbox(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return null;
    }
    String domain = address.substring(at + 1);
    return CryptoX509Names.reverseLabels(domain) == null
        ? null : new String[] {address.substring(0, at), domain};
  }

  /** Whether a name constraint on email addresses is a mailbox or a domain Go accepts. */
  static boolean isValidEmailConstraint(String constraint) {
    if (constraint.contains("@")) {
      return mailbox(constraint) != null;
    }
    return CryptoX509Names.reverseLabels(
        CryptoX509Extensions.withoutLeadingDot(constraint)) != null;
  }
}
