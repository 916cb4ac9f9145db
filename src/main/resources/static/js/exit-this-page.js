// The public help's one script: GOV.UK's "Exit this page" (the button, or Shift pressed three
// times), from GOV.UK Frontend's own bundle of the component. Without it the button is a plain
// link to a neutral site, which works on its own.
import { Button } from '/govuk/components/button/button.bundle.mjs';
import { ExitThisPage } from '/govuk/components/exit-this-page/exit-this-page.bundle.mjs';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
document.querySelectorAll('[data-module="govuk-exit-this-page"]').forEach((element) => new ExitThisPage(element));
document.querySelectorAll('[data-module="govuk-button"]').forEach((element) => new Button(element));
