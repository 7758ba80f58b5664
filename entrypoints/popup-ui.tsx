// First, before anything else is evaluated: this import sends the popup's first request.
import { popupParams, popupRequest } from '@/lib/popup/early-request';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { readPopupData } from '@/lib/popup/current-account';

/**
 * The popup's whole script, one classic file (popup.html loads it). One file, not
 * a page module and its chunks: each extension file is a round trip through the
 * browser process, and the popup's first render waits for the last of them.
 */
export default defineUnlistedScript(() => {
  render(<PopupApp params={popupParams} data={readPopupData(popupRequest)} locale={navigator.language} />, document.getElementById('app')!);
});
