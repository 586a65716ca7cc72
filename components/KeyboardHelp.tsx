/**
 * How to reach and use the panel from the keyboard, at the panel's end: the
 * browser shortcut that moves focus here from anywhere on the page (the
 * email's links need not be tabbed through), Escape, and the resize handle.
 */
export interface KeyboardHelpProps {
  /** The browser's shortcut for the lens ("Alt+Shift+K"); null: the user removed it. */
  shortcut: string | null;
}

export function KeyboardHelp({ shortcut }: KeyboardHelpProps) {
  return (
    <details class="cml-keys">
      <summary>Keyboard</summary>
      <ul>
        <li>
          {shortcut ? (
            <>
              <kbd>{shortcut}</kbd> moves focus to this panel from anywhere on the page, or opens
              it; press it in the panel to close it.
            </>
          ) : (
            <>
              No shortcut is set for Clickmap Lens: set one in the browser&apos;s extension
              shortcuts to reach this panel from anywhere on the page.
            </>
          )}
        </li>
        <li>
          <kbd>Esc</kbd> closes the panel and returns to where you were.
        </li>
        <li>
          The panel&apos;s edge is a resize handle: focus it and use <kbd>←</kbd> <kbd>→</kbd> (with{' '}
          <kbd>Shift</kbd>: larger steps).
        </li>
      </ul>
    </details>
  );
}
