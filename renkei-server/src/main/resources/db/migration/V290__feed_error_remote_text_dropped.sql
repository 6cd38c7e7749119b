-- Until session 13 a feed whose answer was not JSON kept the JSON parser's message, which quotes
-- up to 256 characters of the remote's answer (any text, outside every audience rule), in
-- last_error and as the one argument of last_error_args; the feeds page and API showed it, and the
-- new two-argument message (line, column) would show "{1}". The quoted text is dropped; the place
-- in the answer was not kept, so it reads "?".
update taxii_feed
   set last_error = 'the remote''s envelope is not JSON (line ?, column ?)',
       last_error_code = 'notJson',
       last_error_args = array['?', '?']
 where last_error like 'the remote''s envelope is not JSON: %'
    or (last_error_code = 'notJson' and coalesce(array_length(last_error_args, 1), 0) <> 2);
