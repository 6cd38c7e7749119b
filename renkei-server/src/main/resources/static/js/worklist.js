// The work queue and the navigation's counts poll every 30 s (htmx). When the session has ended the
// poll lands on the sign-in page: reload instead of swapping that page into the navigation, so the
// browser shows the sign-in page whole. Anything else the poll could not fetch leaves the last
// counts in place.
document.addEventListener('htmx:beforeSwap', function (e) {
  var xhr = e.detail.xhr;
  var url = xhr && xhr.responseURL ? new URL(xhr.responseURL) : null;
  if (url && url.pathname.endsWith('/login')) {
    e.detail.shouldSwap = false;
    window.location.reload();
  } else if (xhr && xhr.status >= 400) {
    e.detail.shouldSwap = false;
  }
});
