import { render } from 'preact';
import { HistoryApp } from '@/components/history/HistoryApp';
import { getDb } from '@/lib/db/db';
import './style.css';

render(<HistoryApp db={getDb()} />, document.getElementById('app')!);
