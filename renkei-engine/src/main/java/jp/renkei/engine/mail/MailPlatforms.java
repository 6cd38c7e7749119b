package jp.renkei.engine.mail;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Platforms that send their users' words (issue 19): shared documents, forms, e-signature and
 * calendar services, code hosts and help desks whose notifications relay what a user wrote, where
 * they keep their own files, and the lures such relayed text carries.
 */
final class MailPlatforms {

  private MailPlatforms() {}

  /**
   * Services whose notifications carry text their users write — invoices and payment requests,
   * shared documents, calendar invitations, forms, e-signature requests — sent from the service's
   * own authenticated domain (registrable domains). A lure in that text is the user's, not the
   * service's.
   */
  static final Set<String> USER_TEXT_PLATFORMS =
      Set.of(
          "paypal.com",
          "paypal.co.jp",
          "intuit.com",
          "quickbooks.com",
          "squareup.com",
          "stripe.com",
          "freshbooks.com",
          "xero.com",
          "waveapps.com",
          "zoho.com",
          "venmo.com",
          "google.com",
          "microsoft.com",
          "sharepointonline.com",
          "dropbox.com",
          "box.com",
          "wetransfer.com",
          "docusign.net",
          "docusign.com",
          "adobesign.com",
          "echosign.com",
          "zoom.us",
          "eventbrite.com",
          "calendly.com",
          "jotform.com",
          "typeform.com",
          "canva.com",
          "notion.so");

  /**
   * Platforms whose notifications relay what their users write to others (RELAYED_LURE): the
   * services of {@link #USER_TEXT_PLATFORMS}, code hosts' issue and pull-request notifications,
   * help desks and chat widgets that mail a ticket or a transcript (registrable domains).
   */
  static final Set<String> RELAYING_PLATFORMS =
      java.util.stream.Stream.concat(
              USER_TEXT_PLATFORMS.stream(),
              java.util.stream.Stream.of(
                  "github.com",
                  "gitlab.com",
                  "zendesk.com",
                  "freshdesk.com",
                  "zohosalesiq.com",
                  "tawk.email"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Where such platforms keep their own images and files (not a link of the user's). */
  static final Set<String> PLATFORM_ASSETS =
      Set.of(
          "googleapis.com",
          "gstatic.com",
          "googleusercontent.com",
          "ytimg.com",
          "githubusercontent.com",
          "githubassets.com",
          "zdassets.com",
          "zohocdn.com",
          "zohostatic.com",
          "tawk.to");

  /**
   * What a platform user's text says when it is a lure relayed to strangers (RELAYED_LURE; lower-
   * cased text): free crypto-currency, tokens or a sum to claim, money for a survey, a "security
   * vulnerability detected in your repository" from a "GitHub security team", a wallet to connect.
   * A colleague's issue about wallets or payments says none of these.
   */
  static final Pattern RELAYED_LURES =
      Pattern.compile(
          "giveaway|free (?:btc|eth|bnb|usdt|crypto|bitcoin)|claim (?:your )?(?:tokens?|reward|airdrop|bonus|\\$?\\d)"
              + "|you(?:'ve| have) won|get money|security vulnerabilit(?:y|ies) (?:detected|found)"
              + "|vulnerabilit(?:y|ies) (?:detected|found) in your|(?:github|google) security team"
              + "|connect (?:your )?wallet"
              // the dating lures typed into Japanese sites' contact forms ("❤️ Hannah liked you!
              // Click Here: …", "Emily want to meet you!"), ja36
              + "|\\bliked you\\b|wants? to meet you|interested in your profile"
              + "|unread messages? from");
}
