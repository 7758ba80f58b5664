import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { loadPopupData, readPopupParams } from '@/lib/popup/current-account';
import '@/components/ui.css';

const params = readPopupParams(location.search);
// Ask for the data before Preact renders anything: the round trips overlap the first render.
render(<PopupApp params={params} data={loadPopupData(params)} locale={navigator.language} />, document.getElementById('app')!);
