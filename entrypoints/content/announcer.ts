/**
 * The order of one frame's announcements. A preview frame speaks when its
 * detection settles (after the preview chunk loads); the top frame also says
 * "I exist, no preview" once the page has loaded and is idle, for the panel's
 * diagnostics. That late hello must never overwrite a preview already found:
 * on a webmail's full-message view the email is in the top document, and a
 * hello arriving after the detection's announcement left the panel on "this
 * frame holds no email preview" until the page was reloaded.
 */
import type { PreviewInfo } from '../../utils/messaging/protocol.ts';

export type Announce = (preview: PreviewInfo | null) => Promise<unknown>;

export interface FrameAnnouncer {
  /** A detection happened: its own announcement is on its way (sent once its chunk loads). */
  claim(): void;
  /** The frame's word about its preview (or that it no longer holds one). */
  say(preview: PreviewInfo | null): Promise<unknown>;
  /** The top frame's late hello: sent only when the frame has said nothing and claimed nothing. */
  sayIfSilent(): Promise<unknown>;
}

export function frameAnnouncer(announce: Announce): FrameAnnouncer {
  let spoken = false;
  return {
    claim() {
      spoken = true;
    },
    say(preview) {
      spoken = true;
      return announce(preview);
    },
    sayIfSilent() {
      return spoken ? Promise.resolve() : announce(null);
    },
  };
}
