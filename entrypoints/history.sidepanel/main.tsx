import { render } from 'preact';
import { HistoryApp } from '@/components/history/HistoryApp';
import { getDb } from '@/lib/db/db';
import { workerPortfolio } from '@/lib/history/portfolio-source';
import './style.css';

render(<HistoryApp db={getDb()} portfolio={workerPortfolio()} />, document.getElementById('app')!);
