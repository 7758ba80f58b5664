import { render } from 'preact';
import { DataPage } from '@/components/data/DataPage';
import './style.css';

render(<DataPage />, document.getElementById('app')!);
