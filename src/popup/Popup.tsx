// The toolbar popup's panel: props in, nothing out. It names the extension and the versions in
// use, and says plainly that nothing leaves the browser.

/** Looks up a localized string by its _locales key, with optional substitutions. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** What the popup shows. */
export interface PopupProps {
  extensionVersion: string;
  datasetVersion: string;
  t: Translate;
}

/** The popup panel. */
export function Popup({ extensionVersion, datasetVersion, t }: PopupProps) {
  return (
    <main class="popup">
      <header class="popup__header">
        <img class="popup__logo" src="icons/icon-32.png" width={32} height={32} alt="" />
        <h1 class="popup__title">{t('extName')}</h1>
      </header>
      <dl class="popup__versions">
        <dt>{t('popupExtensionVersion')}</dt>
        <dd>{extensionVersion}</dd>
        <dt>{t('popupDatasetVersion')}</dt>
        <dd>{datasetVersion}</dd>
      </dl>
      <p class="popup__privacy">{t('popupPrivacy')}</p>
    </main>
  );
}
