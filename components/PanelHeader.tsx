/** The panel's header: title, the template (or sequence) name, and the close button. */
import type { ComponentChildren, Ref } from 'preact';
import { t } from '../utils/i18n/i18n.ts';
export interface PanelHeaderProps {
  titleId: string;
  title: string;
  templateName: string | null;
  onClose(): void;
  /** The heading takes focus when the panel opens at the user's request. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Buttons before the close button (the layout controls). */
  actions?: ComponentChildren;
}

export function PanelHeader({
  titleId,
  title,
  templateName,
  onClose,
  headingRef,
  actions,
}: PanelHeaderProps) {
  return (
    <header class="cml-header">
      <div class="cml-title">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        {templateName !== null && <p class="cml-template">{t('headerTemplate', templateName)}</p>}
      </div>
      {actions}
      <button
        type="button"
        class="cml-close"
        aria-label={t('closePanel')}
        title={t('closePanelTitle')}
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
}
