import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/ui.css';

render(<OptionsApp locale={navigator.language} />, document.getElementById('app')!);
