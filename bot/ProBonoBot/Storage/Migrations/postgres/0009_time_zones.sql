-- The person's time zone as their Teams client last reported it (an IANA name such as Asia/Tokyo), so that times
-- in replies and in proactive messages (seat offers, reports) are shown in their own clock. NULL = never reported.
ALTER TABLE user_settings ADD COLUMN time_zone TEXT NULL;
