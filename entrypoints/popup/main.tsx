import { render } from 'preact';
import { Popup } from '../../components/queue/Popup';
import { uiLanguage } from '../../lib/i18n';
import '../../components/queue/theme.css';
import '../../components/queue/queue.css';
import '../../components/queue/popup.css';

// Screen readers and font fallback follow the language the strings are in.
document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
