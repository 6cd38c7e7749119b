package jp.renkei.server.mail;

import java.io.IOException;
import java.io.InputStream;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.policy.Tlp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The upload page: analyse a saved message (.eml) and read the report, with its STIX bundle. */
@Controller
class MailPages {

  private final MailService mail;

  MailPages(MailService mail) {
    this.mail = mail;
  }

  @GetMapping("/mail")
  String form() {
    return "mail/analyze";
  }

  @PostMapping("/mail")
  String analyze(@RequestParam("message") MultipartFile message, Model model) throws IOException {
    if (message.isEmpty()) {
      model.addAttribute("error", "mail.error.empty");
      return "mail/analyze";
    }
    MailReport r;
    try (InputStream in = message.getInputStream()) {
      r = mail.analyze(in);
    }
    model.addAttribute("file", message.getOriginalFilename());
    model.addAttribute("report", r);
    model.addAttribute("stix", mail.stix(r, Tlp.AMBER).toPrettyString());
    return "mail/analyze";
  }
}
