// Every API route, for the OpenAPI document. A test compares this list with the
// route files on disk, so a new route cannot be left out.
import type { DocumentedRoute } from "@/lib/gateway/openapi";
import * as passwordReset from "../account/password-reset/route";
import * as passwordResetConfirm from "../account/password-reset/confirm/route";
import * as signInLink from "../account/sign-in-link/route";
import * as adminAudit from "../admin/audit/route";
import * as adminChatSite from "../admin/chat-sites/[id]/route";
import * as adminChatSites from "../admin/chat-sites/route";
import * as widgetMessages from "../widget/messages/route";
import * as widgetSession from "../widget/session/route";
import * as widgetStream from "../widget/stream/route";
import * as widgetTyping from "../widget/typing/route";
import * as widgetAttachments from "../widget/attachments/route";
import * as widgetAttachment from "../widget/attachments/[key]/route";
import * as widgetSeen from "../widget/seen/route";
import * as conversationActivity from "../conversations/[id]/activity/route";
import * as presence from "../me/presence/route";
import * as adminIvr from "../admin/ivr/route";
import * as adminAutomation from "../admin/automation/route";
import * as csatSurvey from "../csat/[token]/route";
import * as customers from "../customers/route";
import * as customerMerge from "../customers/[id]/merge/route";
import * as customerMergeUndo from "../customers/merges/[id]/undo/route";
import * as conversationMerge from "../conversations/[id]/merge/route";
import * as reports from "../reports/route";
import * as reportsExport from "../reports/export/route";
import * as adminMailbox from "../admin/mailboxes/[id]/route";
import * as adminMailboxes from "../admin/mailboxes/route";
import * as adminWebhook from "../admin/webhooks/[id]/route";
import * as adminWebhookDeliveries from "../admin/webhooks/[id]/deliveries/route";
import * as adminWebhookReplay from "../admin/webhooks/deliveries/[id]/replay/route";
import * as adminWebhooks from "../admin/webhooks/route";
import * as adminIvrSimulate from "../admin/ivr/simulate/route";
import * as agents from "../agents/route";
import * as attachment from "../attachments/[key]/route";
import * as emailInbound from "../email/inbound/route";
import * as messageRaw from "../messages/[id]/raw/route";
import * as auth from "../auth/[...nextauth]/route";
import * as conversation from "../conversations/[id]/route";
import * as conversationMessages from "../conversations/[id]/messages/route";
import * as conversations from "../conversations/route";
import * as devOutbox from "../dev/outbox/route";
import * as health from "../health/route";
import * as twoFactorEnable from "../me/2fa/enable/route";
import * as twoFactor from "../me/2fa/route";
import * as me from "../me/route";
import * as portalConversation from "../portal/conversations/[id]/route";
import * as portalMessages from "../portal/conversations/[id]/messages/route";
import * as portalConversations from "../portal/conversations/route";
import * as signup from "../portal/signup/route";
import * as token from "../tokens/[id]/route";
import * as tokens from "../tokens/route";
import * as session from "../sessions/[id]/route";
import * as sessions from "../sessions/route";
import * as smsStatus from "../twilio/sms/status/route";
import * as stream from "../stream/route";
import * as sms from "../twilio/sms/route";
import * as voiceMenu from "../twilio/voice/menu/route";
import * as voiceRecording from "../twilio/voice/recording/route";
import * as voice from "../twilio/voice/route";
import * as voiceStatus from "../twilio/voice/status/route";
import * as voiceTranscription from "../twilio/voice/transcription/route";
import * as voiceWait from "../twilio/voice/wait/route";

export const API_INFO = { title: "Omnidesk API", version: "0.1.0" };

export const API_ROUTES: DocumentedRoute[] = [
  { path: "/api/conversations", methods: conversations, summary: "The inbox: conversations, newest activity first" },
  { path: "/api/conversations/{id}", methods: conversation, summary: "One conversation; assign, status, priority" },
  { path: "/api/conversations/{id}/messages", methods: conversationMessages, summary: "Reply or add an internal note" },
  { path: "/api/agents", methods: agents, summary: "Agents and teams" },
  {
    path: "/api/attachments/{key}",
    methods: attachment,
    summary: "An attachment, for people who may see its conversation",
  },
  { path: "/api/messages/{id}/raw", methods: messageRaw, summary: "A message's original source (an email's MIME)" },
  { path: "/api/email/inbound", methods: emailInbound, summary: "Forwarded inbound email: raw MIME as the body" },
  {
    path: "/api/admin/webhooks",
    methods: adminWebhooks,
    summary: "Partner webhooks; subscribe (the secret is shown once)",
  },
  { path: "/api/admin/webhooks/{id}", methods: adminWebhook, summary: "Remove a webhook subscription" },
  {
    path: "/api/admin/webhooks/{id}/deliveries",
    methods: adminWebhookDeliveries,
    summary: "A subscription's delivery log",
  },
  {
    path: "/api/admin/webhooks/deliveries/{id}/replay",
    methods: adminWebhookReplay,
    summary: "Send a delivery again",
  },
  { path: "/api/admin/audit", methods: adminAudit, summary: "The audit log: security and admin events, filtered" },
  { path: "/api/admin/mailboxes", methods: adminMailboxes, summary: "IMAP mailboxes with their sync health; add one" },
  { path: "/api/admin/mailboxes/{id}", methods: adminMailbox, summary: "Pause, resume or remove a mailbox" },
  { path: "/api/admin/ivr", methods: adminIvr, summary: "The phone menu (IVR): read and replace" },
  {
    path: "/api/admin/automation",
    methods: adminAutomation,
    summary: "Routing rules, SLA policies, auto-assignment, auto-acknowledgement: read; replace some",
  },
  { path: "/api/admin/ivr/simulate", methods: adminIvrSimulate, summary: "Run a voice webhook for the IVR simulator" },
  { path: "/api/dev/outbox", methods: devOutbox, summary: "What the local recorder 'sent'" },
  { path: "/api/portal/conversations", methods: portalConversations, summary: "My conversations; start one" },
  { path: "/api/portal/conversations/{id}", methods: portalConversation, summary: "One of my conversations" },
  {
    path: "/api/portal/conversations/{id}/messages",
    methods: portalMessages,
    summary: "Reply in one of my conversations",
  },
  { path: "/api/portal/signup", methods: signup, summary: "Create a customer account" },
  {
    path: "/api/account/password-reset",
    methods: passwordReset,
    summary: "Email me a password-reset link (same answer for unknown addresses)",
  },
  {
    path: "/api/account/password-reset/confirm",
    methods: passwordResetConfirm,
    summary: "Set a new password with a reset link's token; ends every session",
  },
  {
    path: "/api/account/sign-in-link",
    methods: signInLink,
    summary: "Email a customer a one-time sign-in link (same answer for unknown addresses)",
  },
  { path: "/api/me", methods: me, summary: "Who am I" },
  { path: "/api/me/2fa", methods: twoFactor, summary: "My two-factor sign-in: status, start set-up, turn off" },
  {
    path: "/api/me/2fa/enable",
    methods: twoFactorEnable,
    summary: "Confirm two-factor set-up; returns recovery codes",
  },
  { path: "/api/sessions", methods: sessions, summary: "My signed-in sessions; sign out everywhere else" },
  { path: "/api/sessions/{id}", methods: session, summary: "End one of my sessions" },
  { path: "/api/tokens", methods: tokens, summary: "My API tokens; create one (its secret is shown once)" },
  { path: "/api/tokens/{id}", methods: token, summary: "Revoke an API token" },
  {
    path: "/api/stream",
    methods: stream,
    summary: "Live updates as Server-Sent Events (resume with Last-Event-ID); customers get only their own",
  },
  {
    path: "/api/widget/session",
    methods: widgetSession,
    summary: "Chat widget: start or resume a visitor session on a site (returns the visitor token)",
  },
  { path: "/api/widget/messages", methods: widgetMessages, summary: "Chat widget: my conversation; send a message" },
  { path: "/api/widget/typing", methods: widgetTyping, summary: "Chat widget: the visitor is typing (or stopped)" },
  {
    path: "/api/conversations/{id}/activity",
    methods: conversationActivity,
    summary: "I am viewing / typing in this conversation (signals for colleagues and the customer)",
  },
  { path: "/api/me/presence", methods: presence, summary: "My presence: online or away" },
  { path: "/api/widget/stream", methods: widgetStream, summary: "Chat widget: live events of my conversation (SSE)" },
  { path: "/api/admin/chat-sites", methods: adminChatSites, summary: "Websites that embed the chat widget; add one" },
  { path: "/api/admin/chat-sites/{id}", methods: adminChatSite, summary: "Remove a chat site" },
  { path: "/api/widget/attachments", methods: widgetAttachments, summary: "Send an image in the chat (the body)" },
  { path: "/api/widget/attachments/{key}", methods: widgetAttachment, summary: "An image of my chat" },
  { path: "/api/widget/seen", methods: widgetSeen, summary: "The widget showed the helpdesk's messages up to one" },
  { path: "/api/health", methods: health, summary: "Liveness, including the database" },
  { path: "/api/customers", methods: customers, summary: "Find customers by name, address or number" },
  {
    path: "/api/customers/{id}/merge",
    methods: customerMerge,
    summary: "Merge this customer into another (identities, conversations, account move; undoable for 7 days)",
  },
  { path: "/api/customers/merges/{id}/undo", methods: customerMergeUndo, summary: "Undo a customer merge" },
  {
    path: "/api/conversations/{id}/merge",
    methods: conversationMerge,
    summary: "Merge this conversation into another of the same customer's",
  },
  {
    path: "/api/reports",
    methods: reports,
    summary: "Reports for a date range and filters: totals, per day, per channel, agent and team",
  },
  { path: "/api/reports/export", methods: reportsExport, summary: "One report table as CSV (audited)" },
  {
    path: "/api/csat/{token}",
    methods: csatSurvey,
    summary: "A satisfaction survey by its link's token: read it; answer it (1–5 and a comment)",
  },
  { path: "/api/auth/{nextauth}", methods: auth, summary: "next-auth: sign-in, callbacks, session, CSRF token" },
  { path: "/api/twilio/sms", methods: sms, summary: "Twilio: incoming SMS/MMS" },
  { path: "/api/twilio/sms/status", methods: smsStatus, summary: "Twilio: delivery status of our SMS" },
  { path: "/api/twilio/voice", methods: voice, summary: "Twilio: incoming call" },
  {
    path: "/api/twilio/voice/menu",
    methods: voiceMenu,
    summary: "Twilio: an IVR menu choice (or end of Dial/Enqueue)",
  },
  { path: "/api/twilio/voice/wait", methods: voiceWait, summary: "Twilio: hold message for a queued caller" },
  { path: "/api/twilio/voice/recording", methods: voiceRecording, summary: "Twilio: a finished voicemail" },
  { path: "/api/twilio/voice/transcription", methods: voiceTranscription, summary: "Twilio: a voicemail's transcript" },
  { path: "/api/twilio/voice/status", methods: voiceStatus, summary: "Twilio: call status" },
];
