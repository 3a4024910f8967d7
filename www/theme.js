// The theme chosen with the switch in the header (light or dark; nothing for "follow the system"),
// put on <html> as data-theme before the page is first drawn, so it never flashes in the other
// theme. A classic script in <head>: it runs before the body is parsed (the served page's CSP
// allows no inline script; scripts/build-dist.mjs inlines it in the single file). app.js owns the
// switch: it writes this key (THEME_KEY there) and keeps the choice in the saved settings too.
(function () {
  try {
    var theme = localStorage.getItem('corroborate.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (e) {
    // Storage blocked: the system setting is followed until app.js reads the saved settings.
  }
})();
