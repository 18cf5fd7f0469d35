"""Web Push (issue 16): phones' subscriptions and the dossiers they follow, the server's VAPID keys, the notices
written with each status change (the outbox, which is also the citizen's inbox) and the delivery worker."""
