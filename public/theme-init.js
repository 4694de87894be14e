// Runs before the first paint (a plain script in <head>, allowed by script-src 'self'): puts
// the theme chosen in the header on <html>, so a dark page never flashes light or the reverse.
// Without a choice the page follows the system through CSS alone. Keep the key and values in
// step with src/lib/theme/theme-choice.ts.
(function () {
  try {
    var choice = window.localStorage.getItem('callscope.theme');
    if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
  } catch {
    // Storage can be blocked; the system's theme applies then.
  }
})();
