import { readPopupParams, requestPopupData } from './start';

/**
 * Importing this module starts the popup's `popup.open` request. The popup's script
 * imports it first, so the request is under way while the rest of the script
 * (Preact, the schemas, the form) is still being evaluated.
 */
export const popupParams = readPopupParams(location.search);
export const popupRequest = requestPopupData(popupParams);
// The app reads a failure and shows it; this only keeps it from counting as unhandled until then.
popupRequest.catch(() => undefined);
