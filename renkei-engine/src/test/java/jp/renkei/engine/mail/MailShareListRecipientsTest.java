package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * The victims' local parts cost a shared copy evidence it needs where they are no victim's
 * (attackshare33's measurement): a repository GitHub writes its notifications to ({@code
 * cvcqv@noreply.github.com}), a list addressed at its list server, lost their names from the links'
 * paths and the subject; and a local part's word was taken inside longer words ({@code [zzzzteana]}
 * of {@code zzzz@...}). A recipient at a list's or a platform's own domain is now no victim, and a
 * local part's Latin word is taken in text only as a word (share34). A victim's stays taken.
 */
class MailShareListRecipientsTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static MailReport shared(String message) {
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    return MailRedaction.apply(r, BANK).shared();
  }

  private static List<String> urls(MailReport r) {
    return r.links().stream().map(MailReport.Link::url).toList();
  }

  @Test
  void aRepositoryGitHubWritesToIsNoVictim() {
    MailReport r =
        shared(
            "From: \"Lido Staking\" <notifications@github.com>\r\n"
                + "To: lido-staking/lido-pools <lido-pools@noreply.github.com>\r\n"
                + "Cc: Mention <mention@noreply.github.com>\r\n"
                + "Subject: [lido-staking/lido-pools] Claim your staking rewards (Issue #7)\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Claim now: <a href=\"https://github.lido-pools.example/staking/lido-pools/claim\">"
                + "claim</a></p>"
                + "<p><a href=\"https://github.com/lido-staking/lido-pools/issues/7\">view it on"
                + " GitHub</a></p>\r\n");
    assertThat(urls(r))
        .contains(
            "https://github.lido-pools.example/staking/lido-pools/claim",
            "https://github.com/lido-staking/lido-pools/issues/7");
    // the subject still loses "lido-staking/lido-pools": To's display name says it, and a display
    // name is taken as a person's whatever address it stands beside (the report keeps no pairs)
  }

  @Test
  void aListAddressedAtItsListServerIsNoVictim() {
    MailReport r =
        shared(
            "From: someone <someone@example.org>\r\n"
                + "To: debian-user@lists.debian.org\r\n"
                + "Subject: Re: debian-user question about KDE\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "See https://lists.debian.org/debian-user/2026/11/msg00001.html\r\n");
    assertThat(r.subject()).isEqualTo("Re: debian-user question about KDE");
    assertThat(urls(r)).contains("https://lists.debian.org/debian-user/2026/11/msg00001.html");
  }

  @Test
  void aLocalPartsWordIsTakenFromTextOnlyAsAWord() {
    MailReport r =
        shared(
            "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
                + "To: t.suzuki@sakura-trust.example, zzzz@sakura-trust.example\r\n"
                + "Subject: [zzzzteana] suzuki, suzukiya order: t.suzuki様 Olá, TSuzuki!"
                + " パスワードの有効期限\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p><a href=\"https://evil-login.example/login?u=t.suzuki\">Dear zzzz, log in"
                + " to suzukiya</a></p>\r\n");
    // the victim goes wherever the local part or its word stands as a word
    assertThat(r.subject())
        .doesNotContain("t.suzuki")
        .doesNotContain("suzuki,")
        // the local part written as one word is the victim too
        .doesNotContain("TSuzuki")
        .contains("[zzzzteana]")
        .contains("suzukiya");
    MailReport.Link link = r.links().get(0);
    assertThat(link.url()).isEqualTo("https://evil-login.example/login?u=" + MailRedaction.HIDDEN);
    assertThat(link.text()).doesNotContain("zzzz,").contains("suzukiya");
  }

  @Test
  void aListOrPlatformAddressIsKnownByItsDomainOnly() {
    assertThat(MailRedaction.listOrPlatform("cvcqv@noreply.github.com")).isTrue();
    assertThat(MailRedaction.listOrPlatform("dev@googlegroups.com")).isTrue();
    assertThat(MailRedaction.listOrPlatform("debian-user@lists.debian.org")).isTrue();
    assertThat(MailRedaction.listOrPlatform("t.suzuki@sakura-trust.example")).isFalse();
    // a look-alike of a platform's domain is not it
    assertThat(MailRedaction.listOrPlatform("tanaka@noreply.github.com.evil.example")).isFalse();
    assertThat(MailRedaction.listOrPlatform("tanaka@mylists.example")).isFalse();
  }
}
