/**
 * The options page's "What leaves your browser" fieldset: exactly what the
 * lens sends, to whom, and the switch that keeps the subject and sender in.
 * The README's "Permissions and privacy" section says the same.
 */
interface Props {
  sendSubjectAndSender: boolean;
  onChange(sendSubjectAndSender: boolean): void;
}

export function OptionsPrivacy({ sendSubjectAndSender, onChange }: Props) {
  return (
    <fieldset class="privacy">
      <legend>What leaves your browser</legend>
      <p class="hint" id="privacy-text">
        Only to the report source configured above, and only on the sites enabled below (or a tab
        where you clicked the toolbar button): the address and visible text of each link of the
        email preview, the origin of the page (to resolve relative links; never its path, so no
        mailbox or message id), and — if the switch below is on — the subject and sender the webmail
        shows. Never the email's body text, the page's other content, or your browsing. Report data
        stays inside the extension: no web page can read it.
      </p>
      <label>
        <input
          type="checkbox"
          name="sendSubjectAndSender"
          checked={sendSubjectAndSender}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        Send the subject and sender to help find the template
      </label>
    </fieldset>
  );
}
