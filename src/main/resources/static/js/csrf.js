// Forms marked data-csrf send Spring Security's CSRF token, which it keeps in the XSRF-TOKEN cookie.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!form.hasAttribute('data-csrf')) return;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  form.querySelector('input[name="_csrf"]').value = cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
});
