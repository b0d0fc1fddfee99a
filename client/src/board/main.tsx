import { render } from 'preact';
import { locale } from '../shared/i18n.js';
import { App } from './App.js';
import { startRouter } from './router.js';
import './styles.css';

// The audience board: no sign-in, no service worker, no device storage beyond the language choice.
document.documentElement.lang = locale.value;
document.title = 'Orleu';
startRouter();
render(<App />, document.getElementById('app')!);
