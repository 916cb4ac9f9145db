// GOV.UK Frontend's components (error summary focus, skip link, ...). Loaded as a module, so
// browsers too old for it keep the plain HTML, which works on its own.
import { initAll } from '/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
