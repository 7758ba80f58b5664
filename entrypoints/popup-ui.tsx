// First, before anything else is evaluated: this import sends the popup's first request.
import { popupParams, popupRequest } from '@/lib/popup/early-request';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import styles from '@/components/ui.css?inline';
import { readPopupData } from '@/lib/popup/current-account';

/**
 * The popup's whole script, one classic file (popup.html loads it) with its styles.
 * One file, not a page module, its chunks and a stylesheet: each extension file is a
 * round trip through the browser process, and the first render waits for the last.
 */
export default defineUnlistedScript(() => {
  // The styles travel inside the script: a stylesheet file would be one more round trip, and
  // would hold the script back until it arrived. Nothing shows before the script renders anyway.
  const style = document.createElement('style');
  style.textContent = styles;
  document.head.append(style);
  render(<PopupApp params={popupParams} data={readPopupData(popupRequest)} locale={navigator.language} />, document.getElementById('app')!);
});
