package dev.ctpat.adapters.password;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads macOS {@code pwpolicy -getaccountpolicies}: a property list of policies, each a
 * {@code policyContent} predicate with optional {@code policyParameters}. What is read:
 *
 * <ul>
 *   <li>{@code policyAttributePassword matches '.{12,}'} gives the minimum length;
 *   <li>{@code matches} rules for digits, letters, upper case, lower case and symbols count as
 *       character classes: complexity means three classes (letters counting once unless upper
 *       and lower case are both required);
 *   <li>{@code policyAttributeFailedAuthentications < N} (N a number or a parameter) gives the
 *       lockout threshold, and {@code autoEnableInSeconds} its duration;
 *   <li>{@code policyAttributeExpiresEveryNDays} or {@code maxMinutesUntilChangePassword} give
 *       the maximum age;
 *   <li>{@code policyAttributePasswordHistoryDepth} gives the history.
 * </ul>
 *
 * <p>pwpolicy lists every policy in force, so a missing lockout rule means no lockout (0) and a
 * missing expiry rule means never expires; missing length, class and history rules stay unknown.
 */
public final class MacPwpolicyAdapter implements EvidenceAdapter {
  public static final String NAME = "macos-pwpolicy";

  private static final Pattern ELEMENT = Pattern.compile(
      "<(key|string|integer|real)>([^<]*)</\\1>|<(/?)(dict|array)>|<(dict|array)/>");
  private static final Pattern MIN_LENGTH =
      Pattern.compile("policyAttributePassword\\s+matches\\s+'\\.\\{(\\d+),");
  private static final Pattern FAILED_LIMIT =
      Pattern.compile("policyAttributeFailedAuthentications\\s*<\\s*(\\w+)");
  private static final Map<String, String> CLASSES = classes();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(16 * 1024);
    return head.contains("<plist") && (head.contains("policyCategory")
        || head.contains("<key>policyContent</key>")) ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<Rule> rules = rules(input.lines());
    Integer minLength = null;
    Integer history = null;
    Integer threshold = 0;
    Integer lockoutMinutes = null;
    Integer maxAge = null;
    Set<String> classes = new LinkedHashSet<>();
    boolean contentRules = false;
    for (Rule rule : rules) {
      Matcher length = MIN_LENGTH.matcher(rule.content());
      if (length.find()) {
        minLength = Numbers.parseInt(length.group(1));
      }
      CLASSES.forEach((pattern, name) -> {
        if (rule.content().contains(pattern)) {
          classes.add(name);
        }
      });
      contentRules |= rule.content().contains("policyAttributePassword matches");
      Matcher failed = FAILED_LIMIT.matcher(rule.content());
      if (failed.find()) {
        threshold = rule.number(failed.group(1));
        Integer seconds = rule.parameters().get("autoEnableInSeconds");
        lockoutMinutes = seconds == null ? null : Numbers.secondsToMinutes(seconds);
      }
      if (rule.parameters().containsKey("policyAttributeExpiresEveryNDays")) {
        maxAge = rule.parameters().get("policyAttributeExpiresEveryNDays");
      } else if (rule.parameters().containsKey("maxMinutesUntilChangePassword")) {
        maxAge = rule.parameters().get("maxMinutesUntilChangePassword") / 1440;
      }
      if (rule.parameters().containsKey("policyAttributePasswordHistoryDepth")) {
        history = rule.parameters().get("policyAttributePasswordHistoryDepth");
      }
    }
    if (threshold == null) {
      context.warn(null, "policyAttributeFailedAuthentications limit is not a number");
    }
    Boolean complexity = contentRules ? (Boolean) (classCount(classes) >= 3) : null;
    PasswordPolicy policy = new PasswordPolicy("macos global account policy", "macos",
        minLength, complexity, maxAge == null || maxAge == 0 ? null : maxAge, history, threshold,
        lockoutMinutes, null, context.source(plistLine(input.lines())));
    return context.result(NormalizedEvidence.builder().addPasswordPolicies(List.of(policy)));
  }

  private static int classCount(Set<String> classes) {
    int count = classes.size();
    if (classes.contains("letter") && (classes.contains("upper") || classes.contains("lower"))) {
      count--;
    }
    return count;
  }

  /** A policy: its predicate and its integer parameters. */
  private record Rule(String content, Map<String, Integer> parameters) {

    /** A literal number, or the value of the parameter it names. */
    Integer number(String token) {
      Integer literal = Numbers.parseInt(token);
      return literal != null ? literal : parameters.get(token);
    }
  }

  /**
   * The policies of the plist: each dictionary that has a {@code policyContent}, with the
   * integers of the dictionaries inside it.
   */
  private static List<Rule> rules(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    List<Map<String, String>> open = new ArrayList<>();
    String key = null;
    for (String line : lines) {
      Matcher m = ELEMENT.matcher(line);
      while (m.find()) {
        if (m.group(1) != null) {
          String value = unescape(m.group(2));
          if (m.group(1).equals("key")) {
            key = value;
          } else if (key != null && !open.isEmpty()) {
            open.get(open.size() - 1).put(key, value);
            key = null;
          }
        } else if ("dict".equals(m.group(4))) {
          if (m.group(3).isEmpty()) {
            open.add(new LinkedHashMap<>());
          } else if (!open.isEmpty()) {
            closeDictionary(open, rules);
          }
          key = null;
        }
      }
    }
    return rules;
  }

  /** Ends the innermost dictionary: a policy becomes a rule, parameters go to their policy. */
  private static void closeDictionary(List<Map<String, String>> open, List<Rule> rules) {
    Map<String, String> dict = open.remove(open.size() - 1);
    if (dict.containsKey("policyContent")) {
      Map<String, Integer> parameters = new LinkedHashMap<>();
      dict.forEach((name, value) -> {
        Integer number = Numbers.parseInt(value);
        if (number != null) {
          parameters.put(name, number);
        }
      });
      rules.add(new Rule(dict.get("policyContent"), parameters));
    } else if (!open.isEmpty()) {
      open.get(open.size() - 1).putAll(dict);
    }
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&amp;", "&");
  }

  private static Integer plistLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("<plist")) {
        return i + 1;
      }
    }
    return null;
  }

  private static Map<String, String> classes() {
    Map<String, String> classes = new LinkedHashMap<>();
    classes.put("[0-9]", "digit");
    classes.put("[a-zA-Z]", "letter");
    classes.put("[A-Z]", "upper");
    classes.put("[a-z]", "lower");
    classes.put("[^a-zA-Z0-9]", "symbol");
    return classes;
  }
}
