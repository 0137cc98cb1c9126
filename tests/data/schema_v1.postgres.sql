
CREATE TABLE public.approval (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    solution text NOT NULL,
    requested_by_id integer NOT NULL,
    requested_at timestamp without time zone NOT NULL,
    decision character varying(20) NOT NULL,
    approver_id integer,
    decided_at timestamp without time zone,
    comment text,
    CONSTRAINT approval_decision_check CHECK (((decision)::text = ANY ((ARRAY['pending'::character varying, 'approved'::character varying, 'rejected'::character varying])::text[])))
);

CREATE SEQUENCE public.approval_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.approval_id_seq OWNED BY public.approval.id;

CREATE TABLE public.attachment (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    progress_entry_id integer,
    kind character varying(20) NOT NULL,
    filename character varying(255) NOT NULL,
    sha256 character varying(64),
    size integer NOT NULL,
    mime_type character varying(100),
    recording_ref character varying(120),
    added_by_id integer NOT NULL,
    added_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.attachment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.attachment_id_seq OWNED BY public.attachment.id;

CREATE TABLE public.audit_log (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    user_id integer,
    username character varying(60) NOT NULL,
    action character varying(40) NOT NULL,
    entity character varying(40) NOT NULL,
    entity_id integer,
    details text NOT NULL
);

CREATE SEQUENCE public.audit_log_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;

CREATE TABLE public.calendar_override (
    id integer NOT NULL,
    day date NOT NULL,
    kind character varying(10) NOT NULL,
    note character varying(200) NOT NULL,
    created_by_id integer,
    created_at timestamp without time zone NOT NULL,
    CONSTRAINT calendar_override_kind_check CHECK (((kind)::text = ANY ((ARRAY['holiday'::character varying, 'workday'::character varying])::text[])))
);

CREATE SEQUENCE public.calendar_override_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.calendar_override_id_seq OWNED BY public.calendar_override.id;

CREATE TABLE public.case_batch (
    id integer NOT NULL,
    subtype_id integer NOT NULL,
    day date NOT NULL,
    product character varying(120) NOT NULL,
    created_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.case_batch_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.case_batch_id_seq OWNED BY public.case_batch.id;

CREATE TABLE public.channel (
    id integer NOT NULL,
    code character varying(40) NOT NULL,
    name_zh character varying(60) NOT NULL,
    name_en character varying(80) NOT NULL,
    sort_order integer NOT NULL,
    active boolean NOT NULL
);

CREATE SEQUENCE public.channel_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.channel_id_seq OWNED BY public.channel.id;

CREATE TABLE public.complaint (
    id integer NOT NULL,
    number character varying(40) NOT NULL,
    customer_id integer NOT NULL,
    customer_name character varying(100) NOT NULL,
    contact character varying(200) NOT NULL,
    member_number character varying(60),
    id_number character varying(40),
    member_tier character varying(20) NOT NULL,
    complaint_time timestamp without time zone NOT NULL,
    registration_time timestamp without time zone NOT NULL,
    channel_id integer NOT NULL,
    type_id integer NOT NULL,
    subtype_id integer NOT NULL,
    urgency character varying(10) NOT NULL,
    description text NOT NULL,
    customer_requests character varying(200) NOT NULL,
    customer_request_other character varying(200),
    department_id integer NOT NULL,
    receiver_id integer NOT NULL,
    product character varying(120),
    merchant character varying(120),
    subject_staff_id integer,
    owner_id integer NOT NULL,
    stage character varying(30) NOT NULL,
    is_open boolean NOT NULL,
    level integer NOT NULL,
    urgent boolean NOT NULL,
    urgent_reasons character varying(120) NOT NULL,
    priority integer NOT NULL,
    batch_id integer,
    head_office boolean NOT NULL,
    complex_case boolean NOT NULL,
    escalation_step integer NOT NULL,
    reopen_count integer NOT NULL,
    outcome character varying(20),
    outcome_reason text,
    first_response_at timestamp without time zone,
    solution_agreed_at timestamp without time zone,
    closed_at timestamp without time zone,
    last_update_at timestamp without time zone,
    first_response_due timestamp without time zone NOT NULL,
    solution_due timestamp without time zone NOT NULL,
    resolution_due timestamp without time zone NOT NULL,
    renegotiated_due timestamp without time zone,
    next_update_due timestamp without time zone,
    next_due timestamp without time zone,
    survey_due timestamp without time zone,
    no_survey_reason character varying(200),
    version integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    updated_by_id integer,
    CONSTRAINT complaint_level_check CHECK (((level >= 1) AND (level <= 3))),
    CONSTRAINT complaint_outcome_check CHECK (((outcome IS NULL) OR ((outcome)::text = ANY ((ARRAY['resolved'::character varying, 'partly_resolved'::character varying, 'unresolved'::character varying])::text[])))),
    CONSTRAINT complaint_stage_check CHECK (((stage)::text = ANY ((ARRAY['registered'::character varying, 'assigned'::character varying, 'investigating'::character varying, 'solution_proposed'::character varying, 'approval'::character varying, 'execution'::character varying, 'awaiting_confirmation'::character varying, 'closed'::character varying])::text[]))),
    CONSTRAINT complaint_urgency_check CHECK (((urgency)::text = ANY ((ARRAY['urgent'::character varying, 'normal'::character varying, 'low'::character varying])::text[])))
);

CREATE SEQUENCE public.complaint_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.complaint_id_seq OWNED BY public.complaint.id;

CREATE TABLE public.complaint_type (
    id integer NOT NULL,
    parent_id integer,
    code character varying(60) NOT NULL,
    name_zh character varying(60) NOT NULL,
    name_en character varying(80) NOT NULL,
    default_level integer,
    handling_rule character varying(40),
    callback_rule character varying(20),
    handler_department_id integer,
    notify_department_id integer,
    sort_order integer NOT NULL,
    active boolean NOT NULL,
    CONSTRAINT complaint_type_default_level_check CHECK (((default_level >= 1) AND (default_level <= 3)))
);

CREATE SEQUENCE public.complaint_type_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.complaint_type_id_seq OWNED BY public.complaint_type.id;

CREATE TABLE public.customer (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    phone character varying(40),
    email character varying(120),
    member_number character varying(60),
    id_number character varying(40),
    tier character varying(20) NOT NULL,
    sensitive boolean NOT NULL,
    sensitive_kind character varying(40),
    notes text,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.customer_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.customer_id_seq OWNED BY public.customer.id;

CREATE TABLE public.day_sequence (
    day character varying(8) NOT NULL,
    last integer NOT NULL
);

CREATE TABLE public.department (
    id integer NOT NULL,
    code character varying(40) NOT NULL,
    name_zh character varying(60) NOT NULL,
    name_en character varying(80) NOT NULL,
    sort_order integer NOT NULL,
    active boolean NOT NULL
);

CREATE SEQUENCE public.department_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.department_id_seq OWNED BY public.department.id;

CREATE TABLE public.escalation (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    from_step integer NOT NULL,
    to_step integer NOT NULL,
    to_user_id integer,
    reason text NOT NULL,
    automatic boolean NOT NULL,
    by_user_id integer,
    at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.escalation_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.escalation_id_seq OWNED BY public.escalation.id;

CREATE TABLE public.follow_up (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    survey_id integer,
    assigned_to_id integer,
    reason text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    done_at timestamp without time zone,
    done_note text
);

CREATE SEQUENCE public.follow_up_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.follow_up_id_seq OWNED BY public.follow_up.id;

CREATE TABLE public.improvement_action (
    id integer NOT NULL,
    problem text NOT NULL,
    plan text NOT NULL,
    department_id integer NOT NULL,
    deadline date,
    status character varying(20) NOT NULL,
    created_by_id integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.improvement_action_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.improvement_action_id_seq OWNED BY public.improvement_action.id;

CREATE TABLE public.improvement_link (
    id integer NOT NULL,
    action_id integer NOT NULL,
    complaint_type_id integer,
    complaint_id integer
);

CREATE SEQUENCE public.improvement_link_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.improvement_link_id_seq OWNED BY public.improvement_link.id;

CREATE TABLE public.progress_entry (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    stage character varying(30) NOT NULL,
    owner_id integer NOT NULL,
    planned_completion timestamp without time zone,
    actual_completion timestamp without time zone,
    result text,
    customer_feedback character varying(30),
    feedback_comment text,
    next_action character varying(200),
    updated_at timestamp without time zone NOT NULL,
    updated_by_id integer NOT NULL
);

CREATE SEQUENCE public.progress_entry_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.progress_entry_id_seq OWNED BY public.progress_entry.id;

CREATE TABLE public.reminder (
    id integer NOT NULL,
    complaint_id integer,
    kind character varying(30) NOT NULL,
    target character varying(30),
    due_at timestamp without time zone,
    fire_key character varying(200) NOT NULL,
    recipient_id integer,
    department_id integer,
    message text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    acknowledged_at timestamp without time zone,
    acknowledged_by_id integer
);

CREATE SEQUENCE public.reminder_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reminder_id_seq OWNED BY public.reminder.id;

CREATE TABLE public.schema_version (
    id integer NOT NULL,
    version integer NOT NULL,
    migrated_at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.schema_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.schema_version_id_seq OWNED BY public.schema_version.id;

CREATE TABLE public.setting (
    key character varying(80) NOT NULL,
    value text NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    updated_by_id integer
);

CREATE TABLE public.survey (
    id integer NOT NULL,
    complaint_id integer,
    customer_id integer,
    customer_name character varying(100) NOT NULL,
    survey_time timestamp without time zone NOT NULL,
    method character varying(20) NOT NULL,
    surveyor_id integer NOT NULL,
    timeliness integer NOT NULL,
    effectiveness integer NOT NULL,
    attitude integer NOT NULL,
    overall integer NOT NULL,
    most_satisfied character varying(200) NOT NULL,
    most_satisfied_other character varying(200),
    needs_improvement character varying(200) NOT NULL,
    needs_improvement_other character varying(200),
    suggestions text,
    created_at timestamp without time zone NOT NULL,
    CONSTRAINT survey_attitude_check CHECK (((attitude >= 1) AND (attitude <= 5))),
    CONSTRAINT survey_effectiveness_check CHECK (((effectiveness >= 1) AND (effectiveness <= 5))),
    CONSTRAINT survey_overall_check CHECK (((overall >= 1) AND (overall <= 5))),
    CONSTRAINT survey_timeliness_check CHECK (((timeliness >= 1) AND (timeliness <= 5)))
);

CREATE TABLE public.survey_attempt (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    by_user_id integer NOT NULL,
    result character varying(30) NOT NULL,
    next_try_at timestamp without time zone,
    note text
);

CREATE SEQUENCE public.survey_attempt_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.survey_attempt_id_seq OWNED BY public.survey_attempt.id;

CREATE SEQUENCE public.survey_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.survey_id_seq OWNED BY public.survey.id;

CREATE TABLE public.transfer (
    id integer NOT NULL,
    complaint_id integer NOT NULL,
    from_user_id integer,
    to_user_id integer NOT NULL,
    from_department_id integer,
    to_department_id integer,
    reason text NOT NULL,
    by_user_id integer NOT NULL,
    at timestamp without time zone NOT NULL
);

CREATE SEQUENCE public.transfer_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.transfer_id_seq OWNED BY public.transfer.id;

CREATE TABLE public."user" (
    id integer NOT NULL,
    username character varying(60) NOT NULL,
    display_name character varying(60) NOT NULL,
    password_hash character varying(255),
    role character varying(20) NOT NULL,
    active boolean NOT NULL,
    supervisor_id integer,
    senior_agent boolean NOT NULL,
    phone character varying(40),
    email character varying(120),
    created_at timestamp without time zone NOT NULL,
    last_login_at timestamp without time zone,
    CONSTRAINT user_role_check CHECK (((role)::text = ANY ((ARRAY['clerk'::character varying, 'supervisor'::character varying, 'manager'::character varying, 'admin'::character varying])::text[])))
);

CREATE TABLE public.user_department (
    id integer NOT NULL,
    user_id integer NOT NULL,
    department_id integer NOT NULL
);

CREATE SEQUENCE public.user_department_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.user_department_id_seq OWNED BY public.user_department.id;

CREATE SEQUENCE public.user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.user_id_seq OWNED BY public."user".id;

ALTER TABLE ONLY public.approval ALTER COLUMN id SET DEFAULT nextval('public.approval_id_seq'::regclass);

ALTER TABLE ONLY public.attachment ALTER COLUMN id SET DEFAULT nextval('public.attachment_id_seq'::regclass);

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);

ALTER TABLE ONLY public.calendar_override ALTER COLUMN id SET DEFAULT nextval('public.calendar_override_id_seq'::regclass);

ALTER TABLE ONLY public.case_batch ALTER COLUMN id SET DEFAULT nextval('public.case_batch_id_seq'::regclass);

ALTER TABLE ONLY public.channel ALTER COLUMN id SET DEFAULT nextval('public.channel_id_seq'::regclass);

ALTER TABLE ONLY public.complaint ALTER COLUMN id SET DEFAULT nextval('public.complaint_id_seq'::regclass);

ALTER TABLE ONLY public.complaint_type ALTER COLUMN id SET DEFAULT nextval('public.complaint_type_id_seq'::regclass);

ALTER TABLE ONLY public.customer ALTER COLUMN id SET DEFAULT nextval('public.customer_id_seq'::regclass);

ALTER TABLE ONLY public.department ALTER COLUMN id SET DEFAULT nextval('public.department_id_seq'::regclass);

ALTER TABLE ONLY public.escalation ALTER COLUMN id SET DEFAULT nextval('public.escalation_id_seq'::regclass);

ALTER TABLE ONLY public.follow_up ALTER COLUMN id SET DEFAULT nextval('public.follow_up_id_seq'::regclass);

ALTER TABLE ONLY public.improvement_action ALTER COLUMN id SET DEFAULT nextval('public.improvement_action_id_seq'::regclass);

ALTER TABLE ONLY public.improvement_link ALTER COLUMN id SET DEFAULT nextval('public.improvement_link_id_seq'::regclass);

ALTER TABLE ONLY public.progress_entry ALTER COLUMN id SET DEFAULT nextval('public.progress_entry_id_seq'::regclass);

ALTER TABLE ONLY public.reminder ALTER COLUMN id SET DEFAULT nextval('public.reminder_id_seq'::regclass);

ALTER TABLE ONLY public.schema_version ALTER COLUMN id SET DEFAULT nextval('public.schema_version_id_seq'::regclass);

ALTER TABLE ONLY public.survey ALTER COLUMN id SET DEFAULT nextval('public.survey_id_seq'::regclass);

ALTER TABLE ONLY public.survey_attempt ALTER COLUMN id SET DEFAULT nextval('public.survey_attempt_id_seq'::regclass);

ALTER TABLE ONLY public.transfer ALTER COLUMN id SET DEFAULT nextval('public.transfer_id_seq'::regclass);

ALTER TABLE ONLY public."user" ALTER COLUMN id SET DEFAULT nextval('public.user_id_seq'::regclass);

ALTER TABLE ONLY public.user_department ALTER COLUMN id SET DEFAULT nextval('public.user_department_id_seq'::regclass);

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.attachment
    ADD CONSTRAINT attachment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.calendar_override
    ADD CONSTRAINT calendar_override_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.case_batch
    ADD CONSTRAINT case_batch_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.channel
    ADD CONSTRAINT channel_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.complaint_type
    ADD CONSTRAINT complaint_type_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.day_sequence
    ADD CONSTRAINT day_sequence_pkey PRIMARY KEY (day);

ALTER TABLE ONLY public.department
    ADD CONSTRAINT department_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.escalation
    ADD CONSTRAINT escalation_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.follow_up
    ADD CONSTRAINT follow_up_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.improvement_action
    ADD CONSTRAINT improvement_action_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.improvement_link
    ADD CONSTRAINT improvement_link_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.progress_entry
    ADD CONSTRAINT progress_entry_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reminder
    ADD CONSTRAINT reminder_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.setting
    ADD CONSTRAINT setting_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.survey_attempt
    ADD CONSTRAINT survey_attempt_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.survey
    ADD CONSTRAINT survey_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.user_department
    ADD CONSTRAINT user_department_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);

CREATE INDEX approval_approver_id ON public.approval USING btree (approver_id);

CREATE INDEX approval_complaint_id ON public.approval USING btree (complaint_id);

CREATE INDEX approval_decision_requested_at ON public.approval USING btree (decision, requested_at);

CREATE INDEX approval_requested_by_id ON public.approval USING btree (requested_by_id);

CREATE INDEX attachment_added_by_id ON public.attachment USING btree (added_by_id);

CREATE INDEX attachment_complaint_id ON public.attachment USING btree (complaint_id);

CREATE INDEX attachment_progress_entry_id ON public.attachment USING btree (progress_entry_id);

CREATE INDEX attachment_sha256 ON public.attachment USING btree (sha256);

CREATE INDEX audit_log_action ON public.audit_log USING btree (action);

CREATE INDEX audit_log_at ON public.audit_log USING btree (at);

CREATE INDEX audit_log_entity_entity_id ON public.audit_log USING btree (entity, entity_id);

CREATE INDEX audit_log_user_id ON public.audit_log USING btree (user_id);

CREATE INDEX audit_log_user_id_at ON public.audit_log USING btree (user_id, at);

CREATE INDEX calendar_override_created_by_id ON public.calendar_override USING btree (created_by_id);

CREATE UNIQUE INDEX calendar_override_day ON public.calendar_override USING btree (day);

CREATE INDEX case_batch_subtype_id ON public.case_batch USING btree (subtype_id);

CREATE UNIQUE INDEX case_batch_subtype_id_day_product ON public.case_batch USING btree (subtype_id, day, product);

CREATE UNIQUE INDEX channel_code ON public.channel USING btree (code);

CREATE INDEX complaint_batch_id ON public.complaint USING btree (batch_id);

CREATE INDEX complaint_channel_id ON public.complaint USING btree (channel_id);

CREATE INDEX complaint_closed_at ON public.complaint USING btree (closed_at);

CREATE INDEX complaint_contact ON public.complaint USING btree (contact);

CREATE INDEX complaint_customer_id ON public.complaint USING btree (customer_id);

CREATE INDEX complaint_customer_id_registration_time ON public.complaint USING btree (customer_id, registration_time);

CREATE INDEX complaint_department_id ON public.complaint USING btree (department_id);

CREATE INDEX complaint_department_id_is_open ON public.complaint USING btree (department_id, is_open);

CREATE INDEX complaint_is_open_next_update_due ON public.complaint USING btree (is_open, next_update_due);

CREATE UNIQUE INDEX complaint_number ON public.complaint USING btree (number);

CREATE INDEX complaint_owner_id ON public.complaint USING btree (owner_id);

CREATE INDEX complaint_owner_id_is_open ON public.complaint USING btree (owner_id, is_open);

CREATE INDEX complaint_queue ON public.complaint USING btree (is_open, priority DESC, next_due, id);

CREATE INDEX complaint_receiver_id ON public.complaint USING btree (receiver_id);

CREATE INDEX complaint_receiver_id_registration_time ON public.complaint USING btree (receiver_id, registration_time);

CREATE INDEX complaint_registration_time ON public.complaint USING btree (registration_time);

CREATE INDEX complaint_stage_first_response_due ON public.complaint USING btree (stage, first_response_due);

CREATE INDEX complaint_stage_resolution_due ON public.complaint USING btree (stage, resolution_due);

CREATE INDEX complaint_stage_solution_due ON public.complaint USING btree (stage, solution_due);

CREATE INDEX complaint_subject_staff_id ON public.complaint USING btree (subject_staff_id);

CREATE INDEX complaint_subtype_id ON public.complaint USING btree (subtype_id);

CREATE INDEX complaint_subtype_id_registration_time ON public.complaint USING btree (subtype_id, registration_time);

CREATE INDEX complaint_survey_due ON public.complaint USING btree (survey_due);

CREATE UNIQUE INDEX complaint_type_code ON public.complaint_type USING btree (code);

CREATE INDEX complaint_type_handler_department_id ON public.complaint_type USING btree (handler_department_id);

CREATE INDEX complaint_type_id ON public.complaint USING btree (type_id);

CREATE INDEX complaint_type_notify_department_id ON public.complaint_type USING btree (notify_department_id);

CREATE INDEX complaint_type_parent_id ON public.complaint_type USING btree (parent_id);

CREATE INDEX complaint_updated_by_id ON public.complaint USING btree (updated_by_id);

CREATE INDEX customer_email ON public.customer USING btree (email);

CREATE UNIQUE INDEX customer_member_number ON public.customer USING btree (member_number);

CREATE INDEX customer_name ON public.customer USING btree (name);

CREATE INDEX customer_phone ON public.customer USING btree (phone);

CREATE UNIQUE INDEX department_code ON public.department USING btree (code);

CREATE INDEX escalation_by_user_id ON public.escalation USING btree (by_user_id);

CREATE INDEX escalation_complaint_id ON public.escalation USING btree (complaint_id);

CREATE INDEX escalation_to_user_id ON public.escalation USING btree (to_user_id);

CREATE INDEX follow_up_assigned_to_id ON public.follow_up USING btree (assigned_to_id);

CREATE INDEX follow_up_complaint_id ON public.follow_up USING btree (complaint_id);

CREATE INDEX follow_up_survey_id ON public.follow_up USING btree (survey_id);

CREATE INDEX improvement_action_created_by_id ON public.improvement_action USING btree (created_by_id);

CREATE INDEX improvement_action_department_id ON public.improvement_action USING btree (department_id);

CREATE INDEX improvement_link_action_id ON public.improvement_link USING btree (action_id);

CREATE INDEX improvement_link_complaint_id ON public.improvement_link USING btree (complaint_id);

CREATE INDEX improvement_link_complaint_type_id ON public.improvement_link USING btree (complaint_type_id);

CREATE INDEX progress_entry_complaint_id ON public.progress_entry USING btree (complaint_id);

CREATE INDEX progress_entry_complaint_id_updated_at ON public.progress_entry USING btree (complaint_id, updated_at);

CREATE INDEX progress_entry_owner_id ON public.progress_entry USING btree (owner_id);

CREATE INDEX progress_entry_updated_by_id ON public.progress_entry USING btree (updated_by_id);

CREATE INDEX reminder_acknowledged_by_id ON public.reminder USING btree (acknowledged_by_id);

CREATE INDEX reminder_complaint_id ON public.reminder USING btree (complaint_id);

CREATE INDEX reminder_created_at ON public.reminder USING btree (created_at);

CREATE INDEX reminder_department_id ON public.reminder USING btree (department_id);

CREATE UNIQUE INDEX reminder_fire_key ON public.reminder USING btree (fire_key);

CREATE INDEX reminder_recipient_id ON public.reminder USING btree (recipient_id);

CREATE INDEX reminder_recipient_id_acknowledged_at ON public.reminder USING btree (recipient_id, acknowledged_at);

CREATE INDEX setting_updated_by_id ON public.setting USING btree (updated_by_id);

CREATE INDEX survey_attempt_by_user_id ON public.survey_attempt USING btree (by_user_id);

CREATE INDEX survey_attempt_complaint_id ON public.survey_attempt USING btree (complaint_id);

CREATE INDEX survey_attempt_complaint_id_at ON public.survey_attempt USING btree (complaint_id, at);

CREATE UNIQUE INDEX survey_complaint_id ON public.survey USING btree (complaint_id);

CREATE INDEX survey_customer_id ON public.survey USING btree (customer_id);

CREATE INDEX survey_survey_time ON public.survey USING btree (survey_time);

CREATE INDEX survey_surveyor_id ON public.survey USING btree (surveyor_id);

CREATE INDEX transfer_by_user_id ON public.transfer USING btree (by_user_id);

CREATE INDEX transfer_complaint_id ON public.transfer USING btree (complaint_id);

CREATE INDEX transfer_from_department_id ON public.transfer USING btree (from_department_id);

CREATE INDEX transfer_from_user_id ON public.transfer USING btree (from_user_id);

CREATE INDEX transfer_to_department_id ON public.transfer USING btree (to_department_id);

CREATE INDEX transfer_to_user_id ON public.transfer USING btree (to_user_id);

CREATE INDEX user_department_department_id ON public.user_department USING btree (department_id);

CREATE INDEX user_department_user_id ON public.user_department USING btree (user_id);

CREATE UNIQUE INDEX user_department_user_id_department_id ON public.user_department USING btree (user_id, department_id);

CREATE INDEX user_supervisor_id ON public."user" USING btree (supervisor_id);

CREATE UNIQUE INDEX user_username ON public."user" USING btree (username);

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_approver_id_fkey FOREIGN KEY (approver_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_requested_by_id_fkey FOREIGN KEY (requested_by_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.attachment
    ADD CONSTRAINT attachment_added_by_id_fkey FOREIGN KEY (added_by_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.attachment
    ADD CONSTRAINT attachment_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.attachment
    ADD CONSTRAINT attachment_progress_entry_id_fkey FOREIGN KEY (progress_entry_id) REFERENCES public.progress_entry(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.calendar_override
    ADD CONSTRAINT calendar_override_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.case_batch
    ADD CONSTRAINT case_batch_subtype_id_fkey FOREIGN KEY (subtype_id) REFERENCES public.complaint_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES public.case_batch(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES public.channel(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.department(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_receiver_id_fkey FOREIGN KEY (receiver_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_subject_staff_id_fkey FOREIGN KEY (subject_staff_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_subtype_id_fkey FOREIGN KEY (subtype_id) REFERENCES public.complaint_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint_type
    ADD CONSTRAINT complaint_type_handler_department_id_fkey FOREIGN KEY (handler_department_id) REFERENCES public.department(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_type_id_fkey FOREIGN KEY (type_id) REFERENCES public.complaint_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint_type
    ADD CONSTRAINT complaint_type_notify_department_id_fkey FOREIGN KEY (notify_department_id) REFERENCES public.department(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.complaint_type
    ADD CONSTRAINT complaint_type_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.complaint_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.complaint
    ADD CONSTRAINT complaint_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.escalation
    ADD CONSTRAINT escalation_by_user_id_fkey FOREIGN KEY (by_user_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.escalation
    ADD CONSTRAINT escalation_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.escalation
    ADD CONSTRAINT escalation_to_user_id_fkey FOREIGN KEY (to_user_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.follow_up
    ADD CONSTRAINT follow_up_assigned_to_id_fkey FOREIGN KEY (assigned_to_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.follow_up
    ADD CONSTRAINT follow_up_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.follow_up
    ADD CONSTRAINT follow_up_survey_id_fkey FOREIGN KEY (survey_id) REFERENCES public.survey(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.improvement_action
    ADD CONSTRAINT improvement_action_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.improvement_action
    ADD CONSTRAINT improvement_action_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.department(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.improvement_link
    ADD CONSTRAINT improvement_link_action_id_fkey FOREIGN KEY (action_id) REFERENCES public.improvement_action(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.improvement_link
    ADD CONSTRAINT improvement_link_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.improvement_link
    ADD CONSTRAINT improvement_link_complaint_type_id_fkey FOREIGN KEY (complaint_type_id) REFERENCES public.complaint_type(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.progress_entry
    ADD CONSTRAINT progress_entry_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.progress_entry
    ADD CONSTRAINT progress_entry_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.progress_entry
    ADD CONSTRAINT progress_entry_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.reminder
    ADD CONSTRAINT reminder_acknowledged_by_id_fkey FOREIGN KEY (acknowledged_by_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.reminder
    ADD CONSTRAINT reminder_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.reminder
    ADD CONSTRAINT reminder_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.department(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.reminder
    ADD CONSTRAINT reminder_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.setting
    ADD CONSTRAINT setting_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.survey_attempt
    ADD CONSTRAINT survey_attempt_by_user_id_fkey FOREIGN KEY (by_user_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.survey_attempt
    ADD CONSTRAINT survey_attempt_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.survey
    ADD CONSTRAINT survey_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.survey
    ADD CONSTRAINT survey_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.survey
    ADD CONSTRAINT survey_surveyor_id_fkey FOREIGN KEY (surveyor_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_by_user_id_fkey FOREIGN KEY (by_user_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES public.complaint(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_from_department_id_fkey FOREIGN KEY (from_department_id) REFERENCES public.department(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_from_user_id_fkey FOREIGN KEY (from_user_id) REFERENCES public."user"(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_to_department_id_fkey FOREIGN KEY (to_department_id) REFERENCES public.department(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_to_user_id_fkey FOREIGN KEY (to_user_id) REFERENCES public."user"(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.user_department
    ADD CONSTRAINT user_department_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.department(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.user_department
    ADD CONSTRAINT user_department_user_id_fkey FOREIGN KEY (user_id) REFERENCES public."user"(id) ON DELETE CASCADE;

ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_supervisor_id_fkey FOREIGN KEY (supervisor_id) REFERENCES public."user"(id) ON DELETE SET NULL;

INSERT INTO public.schema_version VALUES (1, 1, '2026-11-25 13:48:40');
