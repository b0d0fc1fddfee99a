import { render } from 'preact';
import { locale } from '../shared/i18n.js';
import { App } from './App.js';
import { loadRegions } from './data.js';
import { startRouter } from './router.js';
import './styles.css';

document.documentElement.lang = locale.value;
startRouter();
render(<App />, document.getElementById('app')!);
void loadRegions().catch(() => undefined);
