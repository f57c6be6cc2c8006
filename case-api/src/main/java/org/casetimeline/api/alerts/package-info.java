/** Alerts on findings that open or escalate: a server-sent-events stream and signed webhooks. */
package org.casetimeline.api.alerts;
