import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { readPopupParams } from '@/lib/popup/current-account';
import '@/components/ui.css';

render(<PopupApp params={readPopupParams(location.search)} locale={navigator.language} />, document.getElementById('app')!);
