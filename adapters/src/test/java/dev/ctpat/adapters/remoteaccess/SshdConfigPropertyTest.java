package dev.ctpat.adapters.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Generated sshd_config content reads back to the settings sshd itself would apply. */
class SshdConfigPropertyTest {

  @Property(tries = 200)
  void firstOccurrenceDecidesWhateverFollows(
      @ForAll boolean password, @ForAll boolean pubkey, @ForAll boolean rootLogin,
      @ForAll List<Boolean> laterPasswordValues) {
    StringBuilder config = new StringBuilder("# generated\n")
        .append("PasswordAuthentication ").append(password ? "yes" : "no").append('\n')
        .append("PubkeyAuthentication ").append(pubkey ? "yes" : "no").append('\n')
        .append("KbdInteractiveAuthentication no\n")
        .append("PermitRootLogin ").append(rootLogin ? "yes" : "prohibit-password").append('\n');
    laterPasswordValues.forEach(v -> config.append("PasswordAuthentication ")
        .append(v ? "yes" : "no").append('\n'));

    RemoteAccessGateway ssh = new SshdConfigAdapter()
        .read(new EvidenceInput("sshd_config", config.toString()))
        .evidence().remoteAccess().get(0);

    assertThat(ssh.authMethods().contains(AuthMethod.PASSWORD)).isEqualTo(password);
    assertThat(ssh.authMethods().contains(AuthMethod.KEY)).isEqualTo(pubkey);
    assertThat(ssh.weaknesses().contains("PasswordAuthentication yes")).isEqualTo(password);
    assertThat(ssh.weaknesses().contains("PermitRootLogin yes")).isEqualTo(rootLogin);
  }
}
