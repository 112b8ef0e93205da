// Warn before the back office signs a person out for inactivity (WCAG 2.2.1), and let them stay.
// Without JavaScript the sign-in page says how long a session lasts.
const WARN_SECONDS = 120

async function secondsLeft () {
  const response = await fetch('/staff/session', { credentials: 'same-origin' })
  const status = await response.json()
  return status.signed_in ? status.seconds_left : 0
}

function showWarning (seconds) {
  if (document.getElementById('portal-timeout-warning')) return
  const token = document.querySelector('input[name="csrf_token"]')
  const box = document.createElement('div')
  box.id = 'portal-timeout-warning'
  box.className = 'govuk-notification-banner portal-timeout'
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-labelledby', 'portal-timeout-title')
  box.innerHTML = `
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="portal-timeout-title">You are about to be signed out</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-body">For your security, we will sign you out in ${Math.ceil(seconds / 60)} minutes.</p>
      <form method="post" action="/staff/session/extend">
        <input type="hidden" name="csrf_token" value="${token ? token.value : ''}">
        <input type="hidden" name="next" value="${location.pathname + location.search}">
        <button type="submit" class="govuk-button govuk-!-margin-bottom-0">Stay signed in</button>
      </form>
    </div>`
  document.querySelector('main').prepend(box)
  box.querySelector('button').focus()
}

async function check () {
  try {
    const left = await secondsLeft()
    if (left <= 0) {
      location.reload()
      return
    }
    if (left <= WARN_SECONDS) showWarning(left)
    setTimeout(check, Math.max(5, Math.min(left - WARN_SECONDS, 60)) * 1000)
  } catch (error) {
    setTimeout(check, 60000)
  }
}

setTimeout(check, 5000)
