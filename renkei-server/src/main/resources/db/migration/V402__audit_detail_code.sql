-- ux31: an audit entry's detail as a message code and its arguments, so the audit list shows it in
-- the reader's language. `detail` keeps the English text (the API, exports and older readers read
-- it); entries written before have no code and are shown as recorded. An entry with a code is
-- hashed in the chain's second format (AuditChain): code and arguments are inside the chain.
-- Adding columns rewrites no row and fires no row trigger; every stored hash stays valid.
alter table audit_event add column detail_code text;
alter table audit_event add column detail_args text[];
