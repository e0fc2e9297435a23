## Frame
nav-skip = Skip to content
brand-tagline = Smart city ideas for Brussels
nav-main-label = Main
nav-home = Home
nav-themes = Themes
nav-account-label = Your account
nav-admin = Administration
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-register = Create an account
nav-language-label = Language
footer-about = Agora is the participation platform of the Brussels smart city programme: residents, businesses, universities and public authorities shape it together.
footer-programme = Every member of the government commits to one smart city project in their area of competence each year. Follow them here.
loading = Loading…
welcome-user = Welcome, { $name }

## Home
home-title = Shape the smart future of Brussels
home-heading = Shape the smart future of Brussels
home-lead = Propose ideas for a more connected, inclusive and open city, support the ones you believe in, and follow them as they become projects of the government.
home-how-heading = How it works
home-step-propose = Propose
home-step-propose-text = Describe an idea under one of the programme's themes, for your neighbourhood or the whole region.
home-step-support = Support and discuss
home-step-support-text = Vote for the ideas you want and improve them together in the comments.
home-step-follow = Follow
home-step-follow-text = Moderators answer every idea; the best become projects owned by a member of the government, with a public roadmap.
home-themes-heading = The programme's themes

## Not found
not-found-title = Page not found
not-found-text = This page does not exist, or no longer does.
not-found-home = Back to the home page

## Errors
error-unauthenticated = Please sign in to continue.
error-forbidden = You are not allowed to do this.
error-not_found = We could not find what you asked for.
error-bad_request = The request could not be understood. Please try again.
error-invalid = Some fields need your attention.
error-invalid_credentials = The email address or password is not correct.
error-rate_limited = Too many attempts. Please try again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
error-blocked = Your account has been blocked by a moderator. Your profile page says why.
error-internal = Something went wrong on our side. Please try again later.

field-required = This field is required.
field-too_long = This is too long.
field-too_short = This is too short.
field-email_invalid = Enter an email address like name@example.be.
field-password_too_short = Use at least 12 characters. A few unrelated words make a strong passphrase.
field-password_too_long = Use at most 256 characters.
field-password_weak = This password is too easy to guess. Try a longer passphrase of unusual words.
field-password_wrong = The current password is not correct.
field-enterprise_number_format = An enterprise number has 10 digits, for example 0403.170.701.
field-enterprise_number_checksum = This enterprise number does not exist: check the digits.
field-registration_number_invalid = Use only letters, digits, spaces, dots, slashes and hyphens.
field-unknown_choice = Choose one of the options.
field-email_taken = An account already uses this email address. Sign in instead?
field-own_role = You cannot change your own role.
field-slug_taken = Another theme already uses this address.

## Accounts
kind-resident = Resident
kind-business = Business
kind-academic = Academic institution
kind-resident-hint = You take part as a person.
kind-business-hint = You take part for a company, with its enterprise number.
kind-academic-hint = You take part for a university, college or research centre.
role-member = Member
role-moderator = Moderator
role-official = Government member
role-admin = Administrator
badge-verified = Verified
badge-unverified = Awaiting verification

field-label-display-name = Public name
field-label-email = Email address
field-label-password = Password
field-label-kind = You take part as
field-label-organisation-name = Organisation name
field-label-registration-number = Registration number
field-label-role = Role
field-label-portfolio = Portfolio
field-label-current-password = Current password
field-label-new-password = New password

register-title = Create an account
register-lead = One account lets you propose ideas, vote, comment and follow projects.
register-display-name-hint = Shown next to your ideas and comments.
register-password-hint = At least { $min } characters. A passphrase of a few unrelated words is easy to remember and hard to guess.
register-organisation-legend = Organisations only
register-organisation-hint = Businesses give their Belgian enterprise number; academic institutions their registration number. A moderator verifies them.
register-registration-number-hint = For a business: the enterprise number, for example 0403.170.701.
register-submit = Create my account
register-have-account = Already have an account?

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-no-account = New here?

profile-title = Your profile
profile-blocked = A moderator blocked your account on { $date }. You can still read everything, but not propose, support, comment or report.
profile-blocked-reason = Their reason: { $reason }
profile-member-since = Member since
profile-change-password = Change your password
profile-change-password-submit = Change password
profile-password-changed = Your password has been changed. Other devices have been signed out.

## Themes
themes-title = Themes
themes-lead = The smart city programme covers these themes. Every idea belongs to one of them.
theme-archived = Archived

## Administration
admin-nav-label = Administration
admin-accounts-title = Accounts and roles
admin-themes-title = Themes
admin-audit-title = Audit log
admin-all-roles = All roles
admin-filter = Filter
admin-joined = Joined
admin-save = Save
admin-edit = Edit
admin-older = Older entries
admin-theme-new = Add a theme
admin-theme-create = Add the theme
admin-theme-edit = Edit theme
admin-theme-up = Move up
admin-theme-down = Move down
admin-theme-archive = Archive
admin-theme-restore = Restore
admin-theme-slug-hint = Part of the theme's address: lower-case letters, digits and hyphens, for example smart-mobility. It cannot be changed later.
field-label-slug = Address
field-label-theme-name = Name
field-label-theme-description = Description
audit-when = When
audit-who = Who
audit-what = Action
audit-repeats = (× { $count } in that minute)
audit-target = On
audit-detail = Detail

## Ideas
nav-ideas = Ideas
home-explore-ideas = Browse the ideas
ideas-new = Propose an idea
ideas-title = Ideas
ideas-lead = Ideas from residents, businesses and universities for a smarter Brussels. Support the ones you want to see happen.
ideas-filters = Filter the ideas
ideas-all-themes = All themes
ideas-status = Status
ideas-all-statuses = All statuses
ideas-all-districts = All of Brussels
ideas-sort = Order
sort-newest = Newest first
sort-trending = Trending this week
sort-most_votes = Most supported
ideas-empty = No idea matches these filters yet.
ideas-pages = Pages
ideas-previous = Previous page
ideas-next = Next page
field-label-theme = Theme
field-label-district = Municipality
field-label-title = Title
field-label-body = Description
idea-new-title = Propose an idea
idea-new-lead = Describe what you would change and why. Other residents can then support and improve it, and moderators answer every idea.
idea-title-hint = A short sentence that says what the idea is, at most 120 characters.
idea-body-hint = Paragraphs are kept and web addresses become links. At most 5,000 characters.
idea-choose-theme = Choose a theme
idea-district-hint = Optional: where in Brussels the idea applies.
idea-whole-region = The whole region
idea-submit = Publish my idea
idea-support-label = Support
idea-withdraw = Withdraw my idea
idea-history = History
status-open = Open
status-under_review = Under review
status-accepted = Accepted
status-declined = Declined
status-duplicate = Duplicate
status-withdrawn = Withdrawn
vote-count = { $count ->
    [one] supporter
   *[other] supporters
}
vote-count-long = { $count ->
    [one] { $count } supporter
   *[other] { $count } supporters
}
vote-support = Support this idea
vote-remove = Withdraw my support
similar-heading = Ideas like yours, already proposed
similar-support-instead = Support this one instead
similar-anyway-hint = Is yours different?
similar-publish-anyway = Publish mine anyway
similar-in-queue = Perhaps the same as
vote-sign-in = Sign in to support
vote-closed = This idea no longer collects support.
badge-moderator = Moderator
badge-official = Government member
error-closed = This idea is no longer open for that.
error-supported = Someone else has already supported or discussed this idea, so its text can no longer change. You can answer in the comments.
error-project_stage = This cannot be done at the project’s current stage.
error-ideas_per_day = You have proposed 10 ideas in the last 24 hours, the most one account can. Please come back tomorrow.
error-comment_too_soon = You commented a moment ago. Please wait ten seconds before posting again.
idea-edit-title = Edit your idea
idea-edit-lead = You can change your idea until someone else supports or discusses it.
my-ideas-title = Your ideas
my-supported-title = Ideas you support
my-ideas-empty = You have not proposed an idea yet.
my-supported-empty = You do not support any idea yet.
profile-your-activity = Your activity
sort-most_discussed = Most discussed
ideas-search = Search
ideas-search-placeholder = Words from the title or description
ideas-apply = Show ideas
ideas-search-empty = No idea matches “{ $words }”. Try fewer or shorter words.
comment-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
my-following-title = Ideas you follow
my-following-empty = You do not follow any idea yet. Follow an idea to hear about its comments and decisions.
follow-start = Follow this idea
follow-stop = Stop following
follow-on-hint = You are told about new comments and decisions.
follow-off-hint = Follow to be told about new comments and decisions.
nav-notifications = Notifications
nav-notifications-unread = { $count ->
    [one] { $count } unread notification
   *[other] { $count } unread notifications
}
notifications-title = Notifications
notifications-unread = { $count ->
    [0] Everything is read.
    [one] { $count } unread notification
   *[other] { $count } unread notifications
}
notifications-mark-all = Mark all as read
notifications-someone = Someone
notifications-new = New
notifications-empty = Nothing yet. When someone comments on an idea you follow or replies to you, you will see it here.
notification-comment = { $who } commented on
notification-reply = { $who } replied to your comment on
notification-status = The status changed for
notification-response = { $who } answered publicly on
notification-hidden = The moderators hid your contribution on
notification-concealed = News about a contribution that the moderators have hidden since.
notification-restored = The moderators restored your contribution on
notification-note = Their reason: “{ $note }”
comments-title = { $count ->
    [0] Comments
    [one] { $count } comment
   *[other] { $count } comments
}
comments-order = Order of the comments
comments-order-newest = Newest first
comments-order-oldest = Oldest first
comments-closed = This idea was withdrawn; it takes no more comments.
comments-sign-in = Sign in to comment
comments-pages = Pages of comments
comments-previous = Newer comments
comments-next = Older comments
comments-replies-all = Show all { $count } replies
comments-replies-earlier = Earlier replies
comments-replies-later = Later replies
comments-replies-latest = Show only the latest replies
comments-replies-pages = Pages of replies
comment-label = Your comment
comment-hint = Up to 2,000 characters. Be kind; stay on the idea.
comment-submit = Post comment
comment-reply = Reply
comment-reply-label = Your reply
comment-reply-submit = Post reply
comment-cancel = Cancel
comment-edit-label = Correct your comment
comment-edited = edited
comment-deleted = Comment deleted.
comment-delete = Delete
comment-by = Comment by { $who }
moderation-status-title = Moderation
moderation-new-status = New status
moderation-note = Public note
moderation-note-hint = Shown in the idea's history and sent to its followers. Required to decline.
moderation-apply = Change the status
admin-blocking = Blocking
admin-blocked = Blocked
admin-block = Block
admin-unblock = Unblock
admin-block-reason = Reason for blocking
idea-public-response = Answer from the moderators

# Moderation: reports, the queue, hiding, merging, public responses
nav-moderation = Moderation
error-hidden = The moderators have hidden this. If you wrote it, sign in to read why.
field-same_idea = An idea cannot duplicate itself: name another one.
field-original_closed = That idea no longer takes support (decided, withdrawn, merged or hidden): name an open one.
moderation-reports = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
report-reason-spam = Spam or advertising
report-reason-offensive = Offensive or abusive
report-reason-off_topic = Off topic
report-reason-other = Something else
report-idea = Report this idea
report-comment = Report
report-idea-title = Why should the moderators look at this idea?
report-comment-title = Why should the moderators look at this comment?
report-note = In your own words
report-note-hint = Required for "Something else". The author never sees who reported.
report-submit = Send the report
report-thanks = Thank you. The moderators will look at it.
report-already = You had already reported this. The moderators will look at it.
hidden-idea-title = This idea is hidden: only you and the moderators can see it.
hidden-by-moderators = The moderators hid it: { $reason }
hidden-by-moderators-no-reason = The moderators hid it.
hidden-after-reports = Several members reported it, so it is hidden until a moderator decides.
comment-hidden = This comment was hidden by the moderators.
moderation-merge-title = Duplicate of another idea
moderation-duplicate-of = Duplicate of
moderation-duplicate-of-hint = The number of the original idea, or its address. Votes and followers move there; comments stay here.
moderation-merge = Merge into the original
moderation-hide-title = Hide
moderation-restore-title = Restore
moderation-hide-reason = Reason (the author reads it)
moderation-restore-reason = Reason (the author reads it)
moderation-keep-reason = Why it stays visible (its author reads it if it was hidden)
moderation-block-author = Block the author
moderation-author-blocked = Its author is blocked.
moderation-unblock-reason = Reason for unblocking (kept in the audit log)
moderation-hide = Hide
moderation-restore = Restore
moderation-keep-visible = Keep visible
respond-title = Answer in public
respond-label = Your answer
respond-hint = Shown above the idea with your role, and sent to everyone who follows it. The status does not change.
respond-submit = Publish the answer
idea-public-response-official = Answer from the government
idea-history-response = Public answer
idea-duplicate-of = Merged into:
queue-title = Moderation queue
queue-lead = New ideas to triage, reports to decide, hidden content, organisations to verify and blocked accounts.
queue-keyboard = With the keyboard: j for the next item, k for the previous one, Tab to reach its decision.
queue-tabs = Queue
queue-tab-new = New ideas
queue-tab-reported = Reported
queue-tab-hidden = Hidden
queue-tab-organisations = Organisations
queue-empty-new = Every idea has been triaged. Well done.
queue-empty-reported = No reports waiting.
queue-empty-hidden = Nothing is hidden.
queue-empty-organisations = No organisation is waiting for verification.
queue-kind-idea = Idea
queue-kind-comment = Comment
queue-comment-on = Comment on “{ $title }”
queue-verify = Verify this organisation
queue-verify-reason = How you checked it (for example in the Crossroads Bank for Enterprises)
queue-tab-blocked = Blocked accounts
queue-empty-blocked = No account is blocked.
queue-kind-account = Blocked account
queue-blocked-since = Blocked on { $date } by { $who }
queue-blocked-reason = Reason given to the account holder: { $reason }
triage-decision = Decision
triage-keep = Fine as it is (stays open)
triage-under_review = Put under review
triage-declined = Decline
triage-duplicate = Duplicate of another idea
triage-hide = Hide
triage-note = Public note or reason
triage-note-hint = Required to decline or hide. The author and followers read it.
triage-duplicate-hint = Only for a duplicate: the number or address of the original idea.
triage-submit = Decide
audit-filters = Filter the log
audit-actor-placeholder = Email address or public name
audit-all-actions = All actions
audit-from = From
audit-to = To
audit-empty = No entry matches these filters.
badge-hidden = Hidden
respond-open = Write a public answer
# Projects
nav-projects = Projects
nav-desk = Desk
programme-nav-label = The programme
projects-title = Projects
projects-lead = The best ideas become projects owned by a member of the government. Follow each one from candidate to completion.
projects-filters = Filter the projects
projects-all-owners = Every government member
projects-apply = Show projects
projects-empty = No project matches these filters yet.
project-status-candidate = Candidate
project-status-adopted = Adopted
project-status-in_progress = In progress
project-status-completed = Completed
project-status-declined = Declined
project-owner = Government member
project-summary = Summary
project-summary-hint = What the project will do and for whom. Paragraphs are kept. At most 3,000 characters.
project-factors = Critical success factors
project-factors-hint = One per line, in order of importance; at most 10.
project-choose-owner = Choose a government member
project-promote = Promote ideas
project-promote-this = Promote into a project
project-promote-title = Promote ideas into a project
project-promote-lead = Choose one or more ideas that nobody has decided on yet. They become a candidate project for a member of the government, who adopts or declines it in public.
project-promote-filter = Narrow the ideas
project-promote-ideas = Ideas to promote
project-promote-ideas-hint = Open ideas and ideas under review, most supported first. Their authors and followers will be told.
project-promote-no-ideas = No idea can be promoted at the moment.
project-promote-submit = Create the candidate project
project-promoted-note = Promoted into the project “{ $title }”.
field-idea_not_promotable = One of the ideas was already decided on or is hidden; choose open ideas only.
project-progress = { $done } of { $total } milestones done ({ $percent }%)
project-progress-none = No milestones yet
project-progress-heading = Progress
project-at-a-glance = The project at a glance
project-followers = { $count ->
    [one] { $count } follower
   *[other] { $count } followers
}
project-follow = Follow this project
project-follow-on-hint = You are told about its decisions and updates.
project-follow-off-hint = Follow to be told about its decisions and updates.
project-sign-in-to-follow = Sign in to follow
project-statement-adopted = Statement on adoption
project-statement-declined = Statement on declining
project-manage-title = Your project
project-decide-title = Adopt or decline
project-decide-hint = Your statement is published on the project page and sent to everyone who follows it or its ideas.
project-statement = Your public statement
project-adopt = Adopt the project
project-decline = Decline the project
project-start = Start the work
project-complete = Mark as completed
project-note = Public note
project-note-hint = Optional. Shown in the timeline and sent to the followers.
project-reassign-title = Give to another government member
project-reassign = Reassign
project-roadmap = Roadmap
project-roadmap-empty = No milestone has been set yet.
project-milestone-add = Add a milestone
project-milestone-title = Milestone
project-milestone-date = Target date
project-milestone-date-hint = The day it should be reached, for example 2025-06-30.
project-milestone-target = Planned for { $date }
project-milestone-done-on = Reached on { $date }
project-milestone-done = Done
project-milestone-planned = Planned
project-milestone-mark-done = Mark as done
project-milestone-undo = Mark as not done
project-milestone-remove = Remove
project-milestone-edit = Edit
project-milestone-save = Save the milestone
project-timeline = Timeline
project-timeline-update = Update
project-timeline-owner = Now with { $name }
project-update-label = Post an update
project-update-hint = What happened, what comes next. Everyone who follows the project or its ideas is told.
project-update-submit = Publish the update
project-source-ideas = Where it comes from
project-supporters = { $count ->
    [one] { $count } person supports the ideas below.
   *[other] { $count } people support the ideas below.
}
idea-project-label = This idea is part of the project
notification-project_status = { $who } changed the status of
notification-project_update = { $who } posted an update on
desk-title = Your desk
desk-lead = The candidate projects assigned to you, and the projects you carry: decide in public, keep the roadmap and tell people how it goes.
desk-pending = Awaiting your decision
desk-active = Under way
desk-closed = Completed or declined
desk-keep-up = Update the roadmap
desk-open = Open
desk-none = Nothing here.
commitments-title = Government commitments
commitments-lead = Each member of the government puts one smart city project in place in their area of competence every year. Here is where each of them stands.
commitments-summary = { $year }: { $done } of { $total } government members have adopted a project
commitments-none = No project adopted yet this year
commitments-pending = { $count ->
    [one] { $count } candidate project awaits their decision.
   *[other] { $count } candidate projects await their decision.
}
commitments-adopted-on = adopted on { $date }
commitments-no-portfolio = Portfolio not set
commitments-empty = No government member has an account yet.
dashboard-title = Programme dashboard
dashboard-lead = The Smart City Program Office's view of the programme: ideas, support and projects per theme, and who takes part.
dashboard-as-of = Figures counted on { $date } at { $time }.
dashboard-themes-title = Ideas per theme
dashboard-themes-summary = Bar chart of the ideas submitted and accepted in each theme; the table below gives the figures.
dashboard-themes-table = Ideas, support and projects per theme
dashboard-ideas = Ideas submitted
dashboard-votes = Support given
dashboard-accepted = Ideas accepted
dashboard-projects-status = Projects: { $status }
dashboard-projects-title = Projects by status
dashboard-projects-summary = Bar chart of the number of projects in each status; the table below gives the figures.
dashboard-projects-table = Projects per status
dashboard-participation-title = Participation by account kind
dashboard-participation-lead = Accounts that proposed, supported or commented on an idea, each month.
dashboard-participation-summary = Column chart of the residents, businesses and academic institutions taking part each month over the last twelve months; the table below gives the figures.
dashboard-participation-table = Accounts taking part per month
dashboard-month = Month
dashboard-total = Total
dashboard-residents = Residents
dashboard-businesses = Businesses
dashboard-academics = Academic institutions

## Email: confirming an address, resetting a password
error-email_unconfirmed = Confirm your email address first: follow the link we sent you.
error-link_expired = This link has expired or has already been used. Ask for a new one.
error-similar_ideas = Ideas like yours have already been proposed. Support one of them, or publish yours anyway.
confirm-email-resend = Send the link again
confirm-email-sent = We have sent a new link. It may take a minute to arrive; check your spam folder too.
profile-confirm-email = We sent a link to { $email }. Follow it to confirm your address, then you can propose ideas, support them and comment.
profile-email-confirmed = Your email address is confirmed. Welcome!
sign-in-forgot = Forgot your password?
sign-in-email-confirmed = Your email address is confirmed. Sign in to take part.
sign-in-password-reset = Your password has been changed and every device signed out. Sign in with the new one.
verify-email-title = Confirm your email address
verify-email-lead = One click and your address is confirmed: you can then propose ideas, support them and comment.
verify-email-submit = Confirm my email address
forgot-password-title = Forgot your password?
forgot-password-lead = Type the email address of your account. We will send it a link to choose a new password.
forgot-password-submit = Send me a link
forgot-password-sent = If an account uses this address, we have sent it a link. It works for one hour. Check your spam folder too.
forgot-password-back = Back to sign in
reset-password-title = Choose a new password
reset-password-lead = Once it is changed, every device signed in to your account is signed out.
reset-password-submit = Change my password
reset-password-new-link = Ask for a new link
mail-greeting = Hello { $name },
mail-signature = Agora, the participation platform of the smart-city programme
mail-ignore = If you did not ask for this, ignore this email: nothing will change.
mail-verify-subject = Confirm your email address for Agora
mail-verify-body = Please confirm that this address is yours. Then you can propose ideas, support them and comment on Agora.
mail-verify-action = Confirm my email address
mail-verify-expiry = The link works once, for 48 hours.
mail-reset-subject = Choose a new password for Agora
mail-reset-body = Someone, hopefully you, asked to choose a new password for your Agora account.
mail-reset-action = Choose a new password
mail-reset-expiry = The link works once, for one hour. Changing your password signs out every device signed in to your account.

## The holder's data: export, deletion, privacy
profile-your-data = Your data
profile-your-data-lead = See everything Agora stores about you, take it with you as a file, or delete your account.
my-data-title = My data
my-data-lead = Everything Agora stores about your account, as it is stored. Times are in milliseconds since 1 January 1970 (UTC).
my-data-download = Download my data (JSON)
my-data-profile = Profile
my-data-ideas = Ideas you proposed
my-data-comments = Comments you wrote
my-data-votes = Ideas you supported
my-data-followed-ideas = Ideas you follow
my-data-followed-projects = Projects you follow
my-data-notifications = Your notifications
my-data-notifications-caused = Notifications your actions sent to others
my-data-reports = Your reports
my-data-moderation-decisions = Your moderation decisions
my-data-projects = Projects you own or created
my-data-project-updates = Project updates you wrote
my-data-emails = Emails sent to you
my-data-email-links = Links sent to you by email
my-data-audit = The audit log about your account
delete-account-title = Delete my account
delete-account-what-goes = Your email address, name, password, organisation details, sessions, follows, notifications and emails are erased at once. Nobody, not even an administrator, can read or restore them.
delete-account-what-stays = Your ideas and comments stay readable, signed "a deleted account"; your votes keep counting, anonymously. Your email address can be used to register again.
delete-account-export-first = Download your data first
delete-account-erase-comments = Also erase the text of my comments
delete-account-submit = Delete my account for good
sign-in-account-deleted = Your account has been deleted. Thank you for taking part.
deleted-account = a deleted account
privacy-title = Privacy
privacy-lead = Agora stores what it needs to let you take part, nothing more, and you can see, take or erase it at any time.
privacy-stored-title = What we store, and why
privacy-stored-account = Your account: email address (to sign in and to write to you), public name, password (as an Argon2id hash only), the language of your emails, and for organisations their name and registration number.
privacy-stored-participation = What you do in public: ideas, comments, votes, follows and reports, so that they count and can be moderated.
privacy-stored-mail = The emails we send you (confirmation, new password) until they are sent, and the links in them (as hashes only).
privacy-stored-audit = An audit log of significant actions (sign-ins, changes of role or password, moderation), without passwords or message contents, so that the platform can be held to account.
privacy-kept-title = For how long
privacy-kept-sessions = Sessions end after a day without activity, and at once when you sign out or change your password.
privacy-kept-links = Email links work for one hour (new password) or two days (confirmation), once.
privacy-kept-outbox = An email waits in the outbox until it is sent; then only its kind, subject and dates remain, and they go with your account.
privacy-kept-networks = The network you registered from is kept, as a keyed hash, for one day to limit mass registrations.
privacy-kept-audit = The audit log is kept as long as the platform runs; entries about a deleted account keep only its number.
privacy-rights-title = Your rights
privacy-rights-export = See everything stored about you, and download it as a file:
privacy-rights-delete = Delete your account, confirmed with your password:
privacy-no-tracking = Agora uses no advertising, no third-party scripts and no tracking cookies: only the cookies that keep you signed in and remember your language.
developers-title = Open data
developers-lead = Agora's ideas, themes, municipalities, projects, commitments and figures are open data: read them with the API below and reuse them under the licence.
developers-api-title = The API
developers-api-intro = A read-only API answers JSON at /api/v1/. Every endpoint, parameter and field is described in its OpenAPI 3.1 document:
developers-ideas = Ideas, newest first; filter with theme, municipality, status and q (words to find), order with sort (newest, trending, most_supported, most_discussed), up to 100 per page with limit.
developers-idea = One idea with its whole text, its status history, the public responses and its project.
developers-themes = The themes, with their names and descriptions in French, Dutch and English.
developers-municipalities = The municipalities, with their names in the three languages.
developers-projects = Candidate projects and their progress, newest first; filter with status and theme.
developers-project = One project with its milestones, timeline and the ideas it came from.
developers-commitments = What each member of the government adopted in a year.
developers-dashboard = The Program Office's figures: ideas, support and projects per theme, participation per month.
developers-comments = An idea's discussion in the order it was written; parent_id rebuilds the threads. What was hidden or deleted is there without its text.
developers-similar = Up to five ideas whose titles are most like a text: what people see before posting a new idea.
developers-ideas-csv = Every idea matching the same filters, as CSV (one header row, UTF-8).
developers-projects-csv = Every project, as CSV.
developers-feed-ideas = The newest ideas, as an Atom feed; theme and municipality narrow it.
developers-feed-responses = Decisions on ideas and public responses, as an Atom feed.
developers-feed-projects = Project news, as an Atom feed; /api/v1/feeds/projects/{id} for one project.
developers-document = The API's document (OpenAPI 3.1).
developers-licence-title = Licence
developers-licence = The data is published under this licence; every answer states it. Name Agora as the source when you reuse it:
developers-privacy = The API shows only what the public pages show: public names, never email addresses, and nothing the moderators hid. An account deleted by its holder appears as a deleted account.
developers-limits-title = Limits and good manners
developers-limits-rate = Each network may make { $count } requests per minute. The RateLimit header says how many are left; past the limit the API answers 429 with Retry-After.
developers-limits-pages = Lists are read page by page: follow the next address of each page. Ideas added meanwhile never shift the pages.
developers-limits-cache = Every answer carries an ETag and a Last-Modified date: send the ETag back in If-None-Match (or the date in If-Modified-Since) and the API answers 304, with nothing to download, when nothing changed. The ETag is the same on every server; rely on it.
developers-errors-title = Errors
developers-errors = Errors are answered as application/problem+json (RFC 9457), with the HTTP status and a stable code:
developers-error-bad_request = a parameter or a cursor is not understood (400).
developers-error-not_found = no such endpoint, idea or project (404).
developers-error-rate_limited = too many requests from your network (429).
developers-error-internal = something went wrong on our side (500); try again later.
feed-ideas = New ideas (Atom feed)
feed-responses = Decisions and responses (Atom feed)
feed-projects = Project news (Atom feed)
feed-project = News of this project (Atom feed)
developers-examples-title = Examples

## News by email: preferences, digests, unsubscribing
mail-settings-title = Email
mail-settings-frequency = How often should we write to you about what you follow?
mail-frequency-instant = At once, for each piece of news
mail-frequency-daily = A daily digest (at 8 in the morning)
mail-frequency-weekly = A weekly digest (Monday at 8)
mail-frequency-never = Never
mail-settings-kinds = About what?
mail-kind-mine = Answers and status changes of the ideas I wrote or follow
mail-kind-replies = Replies to my comments
mail-kind-follows = New comments on what I follow
mail-kind-projects = News of the projects I follow
mail-settings-submit = Save my email choices
mail-settings-saved = Your email choices are saved.
unsubscribe-title = Stop these emails
unsubscribe-all = Stop every email about what you follow on Agora? You will still receive the emails you ask for (a new password, for instance).
unsubscribe-one = Stop emails about: { $kind }?
unsubscribe-submit = Stop these emails
unsubscribe-done = Done: you will no longer receive these emails.
unsubscribe-change = Choose what you receive on your profile
mail-news-subject-daily = Your news from Agora
mail-news-subject-weekly = Your week on Agora
mail-news-subject-one = News on Agora: { $title }
mail-news-intro = Here is what happened on what you follow.
mail-news-why = You receive this email because you follow these ideas or projects.
mail-news-change = Choose what you receive
mail-news-stop = Stop these emails
mail-news-comment = { $count ->
    [one] A new comment
   *[other] { $count } new comments
}
mail-news-reply = { $count ->
    [one] A reply to your comment
   *[other] { $count } replies to your comments
}
mail-news-status = { $count ->
    [one] Its status changed
   *[other] Its status changed { $count } times
}
mail-news-response = { $count ->
    [one] A public answer
   *[other] { $count } public answers
}
mail-news-hidden = The moderators hid your contribution
mail-news-restored = The moderators restored your contribution
mail-news-project-status = { $count ->
    [one] The project moved on
   *[other] The project moved on { $count } times
}
mail-news-project-update = { $count ->
    [one] A project update
   *[other] { $count } project updates
}
profile-change-email = Change your email address
profile-change-email-hint = We will send a link to the new address; the change takes effect once you follow it. Your current address is told.
profile-change-email-submit = Send the confirmation link
profile-email-change-sent = We sent a link to your new address. Your address changes once you follow it.
profile-email-changed = Your new email address is confirmed: it is the one you sign in with now.
field-label-new-email = New email address
confirm-change-title = Confirm your new email address
confirm-change-lead = One click and this address becomes the one of your Agora account.
confirm-change-submit = Use this address
mail-change-subject = Confirm your new email address for Agora
mail-change-body = You asked to use this address for your Agora account. It replaces the old one once you confirm it.
mail-change-action = Use this address
mail-change-expiry = The link works once, for 24 hours.
mail-change-notice-subject = Your Agora address is being changed
mail-change-notice-body = Someone signed in to your Agora account asked to move it to another email address. We sent a confirmation link there; nothing changes until it is followed.
mail-change-notice-action = Open your profile
mail-change-notice-after = If it was not you, change your password now: that signs everyone else out.
