import { render } from 'preact';
import { createLedeDB } from '@/lib/db';
import { LibraryApp } from './App';
import '@/components/library/library.css';

// An extension page shares the extension's origin, so it opens Lede's own database directly.
// Writes still go through lib/annotation-store.ts and lib/exchange, each in one transaction.
const db = createLedeDB();

render(<LibraryApp db={db} />, document.getElementById('app')!);
