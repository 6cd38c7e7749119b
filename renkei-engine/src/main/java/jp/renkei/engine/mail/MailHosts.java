package jp.renkei.engine.mail;

import java.util.Set;

/**
 * Hosts and domains the signs know by kind (issue 19): free mail services, and the other host
 * tables several rooms read.
 */
final class MailHosts {

  private MailHosts() {}

  static final Set<String> FREEMAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.co.jp",
          "yahoo.com",
          "ymail.com",
          "outlook.com",
          "outlook.jp",
          "hotmail.com",
          "hotmail.co.jp",
          "live.jp",
          "live.com",
          "icloud.com",
          "me.com",
          "aol.com",
          "mail.ru",
          "yandex.ru",
          "qq.com",
          "163.com",
          "126.com",
          "gmx.com",
          "gmx.net",
          "protonmail.com",
          "proton.me",
          "zoho.com",
          "excite.co.jp",
          "infoseek.jp",
          // the national free-mail services of the countries whose lures reach Japan and the
          // honeypots (Europe, Brazil, Korea), and the other addresses of the big ones
          "hotmail.fr",
          "hotmail.it",
          "hotmail.de",
          "hotmail.es",
          "hotmail.co.uk",
          "outlook.fr",
          "outlook.de",
          "outlook.es",
          "outlook.com.br",
          "yahoo.fr",
          "yahoo.de",
          "yahoo.es",
          "yahoo.it",
          "yahoo.co.uk",
          "yahoo.com.br",
          "mail.com",
          "gmx.de",
          "gmx.at",
          "gmx.fr",
          "web.de",
          "libero.it",
          "virgilio.it",
          "laposte.net",
          "uol.com.br",
          "bol.com.br",
          "terra.com.br",
          "ig.com.br",
          "yandex.com",
          "rambler.ru",
          "naver.com",
          "daum.net",
          "tutanota.com",
          "tuta.io",
          "seznam.cz",
          "wp.pl",
          "o2.pl",
          "interia.pl",
          "rediffmail.com");
}
