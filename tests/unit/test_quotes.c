/* test_quotes.c: quotations and their speakers, one pattern per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "quotes_testlib.h"

static void quote_then_speaker_verb(void **state)
{
	(void)state;
	struct article *a = analyse("Talks resume\n\nSenator Jane Holloway met farmers in Ohio.\n\n"
	                            "\xE2\x80\x9CWe will not give up on this,\xE2\x80\x9D Holloway said on Monday.\n");
	const struct quote *q = quote(a, "We will not give up");
	assert_speaker(q, "Jane Holloway");
	assert_string_equal(q->cue, "said");
	assert_false(q->partial);
	/* the offsets cover exactly the quoted text, for highlighting */
	const char *para = article_paragraph(a, q->section, q->paragraph);
	assert_int_equal(q->end - q->start, strlen(q->text));
	assert_memory_equal(para + q->start, q->text, strlen(q->text));
	article_free(a);
}

static void quote_then_verb_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Budget\n\n\"The numbers do not add up,\" said Finance Minister Pavel Drozdov.\n");
	assert_speaker(quote(a, "The numbers"), "Pavel Drozdov");
	article_free(a);
}

static void speaker_verb_colon(void **state)
{
	(void)state;
	struct article *a = analyse("Vote\n\nMayor Linda Okafor told reporters: \xE2\x80\x9CThe vote is final.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "The vote is final"), "Linda Okafor");
	article_free(a);
}

static void speaker_verb_that_partial(void **state)
{
	(void)state;
	struct article *a = analyse("Deal\n\nAnalyst Tomas Weber said that the agreement was \xE2\x80\x9C"
	                            "a step in the right direction\xE2\x80\x9D for both sides.\n");
	const struct quote *q = quote(a, "a step in the right direction");
	assert_speaker(q, "Tomas Weber");
	assert_true(q->partial);
	article_free(a);
}

static void split_quote(void **state)
{
	(void)state;
	struct article *a = analyse("Plan\n\n\xE2\x80\x9CWe have a plan,\xE2\x80\x9D Governor Ruth Sandoval said. "
	                            "\xE2\x80\x9C" "And we will carry it out.\xE2\x80\x9D\n");
	assert_int_equal(a->n_quotes, 2);
	assert_speaker(quote(a, "We have a plan"), "Ruth Sandoval");
	assert_speaker(quote(a, "And we will carry"), "Ruth Sandoval");
	article_free(a);
}

static void multi_paragraph_quote(void **state)
{
	(void)state;
	struct article *a = analyse("Storm\n\nFire chief Omar Haddad described the night.\n\n"
	                            "\xE2\x80\x9CThe wind came first. We lost power at midnight.\n\n"
	                            "\xE2\x80\x9CThen the river rose,\xE2\x80\x9D Haddad said.\n");
	/* one quotation, given paragraph by paragraph as readers and annotators mark it, one speaker */
	assert_int_equal(a->n_quotes, 2);
	const struct quote *q = &a->quotes[0];
	assert_string_equal(q->text, "The wind came first. We lost power at midnight.");
	assert_int_equal(q->paragraph, 1);
	assert_int_equal(q->end_paragraph, 1);
	assert_speaker(q, "Omar Haddad");
	q = &a->quotes[1];
	assert_string_equal(q->text, "Then the river rose");
	assert_int_equal(q->paragraph, 2);
	assert_int_equal(q->end_paragraph, 2);
	const char *para = article_paragraph(a, q->section, q->paragraph);
	assert_memory_equal(para + q->start, q->text, strlen(q->text));
	assert_speaker(q, "Omar Haddad");
	article_free(a);
}

static void pronoun_resolution(void **state)
{
	(void)state;
	struct article *a = analyse("Visit\n\nPrime Minister Aiko Tanabe arrived in Berlin on Tuesday.\n\n"
	                            "\xE2\x80\x9CThis is a good day,\xE2\x80\x9D she said.\n");
	assert_speaker(quote(a, "This is a good day"), "Aiko Tanabe");
	article_free(a);
}

static void apostrophes_are_not_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Notes\n\nUkraine\xE2\x80\x99s envoy said CNN\xE2\x80\x99s report was "
	                            "wrong and I\xE2\x80\x99ll check it. The voters' choice isn't clear.\n");
	assert_int_equal(a->n_quotes, 0);
	article_free(a);
}

static void nested_single_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Slogan\n\n\xE2\x80\x9CThey kept chanting \xE2\x80\x98no more\xE2\x80\x99 all night,"
	                            "\xE2\x80\x9D organizer Maria Lopez said.\n");
	assert_int_equal(a->n_quotes, 1);
	const struct quote *q = quote(a, "They kept chanting");
	assert_non_null(strstr(q->text, "\xE2\x80\x98no more\xE2\x80\x99"));
	assert_speaker(q, "Maria Lopez");
	article_free(a);
}

static void nested_double_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Voices\n\n\xE2\x80\x9CI would rather live in what he calls \xE2\x80\x9C" "hell\xE2\x80\x9D "
	                            "than in his world,\xE2\x80\x9D said student Ana Rojas.\n");
	assert_int_equal(a->n_quotes, 1);
	assert_non_null(strstr(a->quotes[0].text, "than in his world"));
	assert_speaker(&a->quotes[0], "Ana Rojas");
	article_free(a);
}

static void guillemets_and_low_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Europe\n\n\xC2\xAB" "Nous restons unis,\xC2\xBB said President Jean Marchand.\n\n"
	                            "\xE2\x80\x9E" "Wir bleiben dran,\xE2\x80\x9C said Chancellor Lena Vogt.\n");
	assert_speaker(quote(a, "Nous restons unis"), "Jean Marchand");
	assert_speaker(quote(a, "Wir bleiben dran"), "Lena Vogt");
	article_free(a);
}

static void no_speaker_is_null(void **state)
{
	(void)state;
	struct article *a = analyse("Market\n\nPrices rose again this week.\n\n"
	                            "The so-called \xE2\x80\x9Csoft landing\xE2\x80\x9D looks further away.\n");
	assert_speaker(quote(a, "soft landing"), NULL);
	article_free(a);
}

static void organisation_speaks(void **state)
{
	(void)state;
	struct article *a = analyse("Kremlin\n\n\xE2\x80\x9CThe talks were useful,\xE2\x80\x9D the Kremlin said in a statement.\n");
	assert_speaker(quote(a, "The talks were useful"), "Kremlin");
	article_free(a);
}

static void according_to(void **state)
{
	(void)state;
	struct article *a = analyse("Report\n\nThe mine was \xE2\x80\x9Cunsafe for years,\xE2\x80\x9D according to "
	                            "inspector Hannah Price.\n");
	assert_speaker(quote(a, "unsafe for years"), "Hannah Price");
	article_free(a);
}

static void title_before_name(void **state)
{
	(void)state;
	struct article *a = analyse("Talks\n\nKremlin spokesperson Dmitry Peskov said the talks were "
	                            "\xE2\x80\x9C" "constructive\xE2\x80\x9D.\n");
	assert_speaker(quote(a, "constructive"), "Dmitry Peskov");
	article_free(a);
}

static void speaker_verb_on_outlet(void **state)
{
	(void)state;
	struct article *a = analyse("Interview\n\n\xE2\x80\x9CWe expect a call this week,\xE2\x80\x9D envoy Steve Marlow "
	                            "said on CNN\xE2\x80\x99s State of the Union.\n");
	assert_speaker(quote(a, "We expect a call"), "Steve Marlow");
	article_free(a);
}

static void bare_quote_inherits(void **state)
{
	(void)state;
	struct article *a = analyse("Court\n\n\xE2\x80\x9CThe ruling is clear,\xE2\x80\x9D said lawyer Dana Whitfield.\n\n"
	                            "\xE2\x80\x9CWe will appeal anyway.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "We will appeal"), "Dana Whitfield");
	article_free(a);
}

static void pronoun_agrees_in_gender(void **state)
{
	(void)state;
	struct article *a = analyse("Debate\n\nSenator Hillary Clinton met Governor Mike Pence in Ohio.\n\n"
	                            "\xE2\x80\x9CWe disagree on almost everything,\xE2\x80\x9D she said.\n");
	assert_speaker(quote(a, "We disagree"), "Hillary Clinton");
	article_free(a);
}

static void closing_attribution_of_sentence(void **state)
{
	(void)state;
	struct article *a = analyse("Banks\n\nSenator Elizabeth Warren questioned the bank chief.\n\n"
	                            "A cashier who \xE2\x80\x9Csteals a handful of $20s\xE2\x80\x9D is held "
	                            "accountable, Warren said.\n");
	assert_speaker(quote(a, "steals a handful"), "Elizabeth Warren");
	article_free(a);
}

static void dash_attribution(void **state)
{
	(void)state;
	struct article *a = analyse("Voices\n\n\xE2\x80\x9CWe want a fair hearing.\xE2\x80\x9D \xE2\x80\x95 Pamela Ortiz\n");
	assert_speaker(quote(a, "We want a fair hearing"), "Pamela Ortiz");
	article_free(a);
}

/* "― Name" closing a paragraph signs every quotation in it. */
static void signed_paragraph(void **state)
{
	(void)state;
	struct article *a = analyse("Voices\n\nMaria Ortiz wrote first.\n\n\xE2\x80\x9CHe never listens.\xE2\x80\x9D And he mocks "
	                            "\xE2\x80\x9Cthe people he needs.\xE2\x80\x9D \xE2\x80\x95 Carla Nunez.\n");
	assert_speaker(quote(a, "He never listens"), "Carla Nunez");
	assert_speaker(quote(a, "the people he needs"), "Carla Nunez");
	article_free(a);
}

/* Lines too long to be hard-wrapped (100 bytes or more) that end a sentence are paragraphs. */
static void one_paragraph_a_line_after_headline(void **state)
{
	(void)state;
	struct article *a = analyse("Council vote\n\n"
	                            "Mayor Linda Okafor said the council would vote on the budget on Thursday after weeks of debate "
	                            "about the new tram line.\n"
	                            "\xE2\x80\x9CWe have waited long enough for this vote, and the people of this city deserve "
	                            "an answer,\xE2\x80\x9D she said.\n"
	                            "\xE2\x80\x9CIt will pass.\xE2\x80\x9D\n");
	assert_int_equal(article_paragraph_count(a), 3);
	assert_speaker(quote(a, "It will pass"), "Linda Okafor");
	article_free(a);
}

static void as_someone_put_it(void **state)
{
	(void)state;
	struct article *a = analyse("Profile\n\nHis degree has not protected him from being seen, as The New Yorker "
	                            "put it, as \xE2\x80\x9Cthe operator.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "the operator"), "The New Yorker");
	article_free(a);
}

static void programme_titles_have_no_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Sunday shows\n\nSenator Ruth Calder said on \xE2\x80\x9C" "Face the Nation\xE2\x80\x9D "
	                            "that the bill was \xE2\x80\x9C" "dead on arrival.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "Face the Nation"), NULL);
	assert_speaker(quote(a, "dead on arrival"), "Ruth Calder");
	article_free(a);
}

/* Degenerate input: an unclosed quote at the start of a 1 MB paragraph. */
static void unclosed_quote_megabyte(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *t = malloc(n + 16);
	assert_non_null(t);
	memcpy(t, "Head\n\n\xE2\x80\x9C", 9);
	for (size_t i = 9; i < n; i++)
		t[i] = "word "[(i - 9) % 5];
	t[n] = '\n';
	t[n + 1] = '\0';
	struct article *a = analyse(t);
	assert_int_equal(a->n_quotes, 1);
	article_free(a);
	free(t);
}

static void ten_thousand_marks(void **state)
{
	(void)state;
	size_t n = 10000;
	char *t = malloc(n * 2 + 16);
	assert_non_null(t);
	size_t k = 0;
	memcpy(t, "Head\n\n", 6);
	k = 6;
	for (size_t i = 0; i < n; i++)
		t[k++] = '"', t[k++] = (i % 3) ? 'a' : ' ';
	t[k++] = '\n';
	t[k] = '\0';
	struct article *a = analyse(t);
	assert_true(a->n_quotes <= n);
	article_free(a);
	free(t);
}

static void paragraph_of_capitals(void **state)
{
	(void)state;
	struct article *a = analyse("HEAD\n\nTHE MINISTER SAID \"NO\" AND THE PRESIDENT OF THE REPUBLIC "
	                            "AGREED WITH THE COUNCIL ON MONDAY IN PARIS.\n");
	for (size_t i = 0; i < a->n_entities; i++)
		assert_true(strlen(a->entities[i].name) < 40);
	article_free(a);
}

/* A transcript: whoever holds the turn ("HALVORSEN: ...") quotes what is
 * quoted in it; a turn by nobody known passes no earlier speaker on. */
static void transcript_turns(void **state)
{
	(void)state;
	struct article *a = analyse("Interview\n\nHost Marit Halvorsen spoke with Senator Tomas Ekdahl on Sunday.\n\n"
	                            "HALVORSEN: The \xE2\x80\x9C" "Northern Ledger\xE2\x80\x9D says the vote is close.\n\n"
	                            "EKDAHL: My rival calls it a \xE2\x80\x9C" "done deal\xE2\x80\x9D" " and it is not.\n\n"
	                            "AUDIENCE MEMBER: I heard the phrase \xE2\x80\x9C" "fair play\xE2\x80\x9D today.\n");
	assert_speaker(quote(a, "Northern Ledger"), "Marit Halvorsen");
	assert_speaker(quote(a, "done deal"), "Tomas Ekdahl");
	assert_speaker(quote(a, "fair play"), NULL);
	article_free(a);
}

/* "Ekdahl's campaign said ...": the camp speaks for its head; "they" in
 * the camp's sentence is the camp, not the last organisation named. */
static void campaign_speaks_for_its_head(void **state)
{
	(void)state;
	struct article *a = analyse("Race tightens\n\nSenator Tomas Ekdahl toured Ohio after the Grain Council met.\n\n"
	                            "Ekdahl\xE2\x80\x99s campaign said the tour was \xE2\x80\x9C" "a success.\xE2\x80\x9D\n\n"
	                            "Ekdahl\xE2\x80\x99s aides are contrasting his plan with what they call a \xE2\x80\x9C"
	                            "reckless gamble.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "a success"), "Tomas Ekdahl");
	assert_speaker(quote(a, "reckless gamble"), "Tomas Ekdahl");
	article_free(a);
}

/* "Officials say they ...": an unnamed group speaks; "they" is that group,
 * not the organisation named before. */
static void unnamed_group_then_they(void **state)
{
	(void)state;
	struct article *a = analyse("Flood\n\nThe Grain Council met on Monday in Ohio.\n\n"
	                            "Officials say they have \xE2\x80\x9C" "enough boats\xE2\x80\x9D for the weekend.\n");
	const struct quote *q = quote(a, "enough boats");
	assert_speaker(q, NULL);
	article_free(a);
}

/* A nickname inside a name quotes nobody; the quotation after it still counts. */
static void nickname_is_not_a_quote(void **state)
{
	(void)state;
	struct article *a = analyse("Cookout\n\nRep. Arvid J. \xE2\x80\x9C" "Skip\xE2\x80\x9D Lunde hosted "
	                            "a cookout on Monday.\n\n\xE2\x80\x9CWe will win,\xE2\x80\x9D Lunde said.\n");
	for (size_t i = 0; i < a->n_quotes; i++)
		assert_string_not_equal(a->quotes[i].text, "Skip");
	const struct quote *q = quote(a, "We will win");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Lunde"));
	article_free(a);
}

/* "... said it was": the pronoun after the verb is the reported clause's
 * subject, not the speaker (here nobody is named). */
static void pronoun_after_verb_is_not_the_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Email\n\nThe Grain Council met on Monday.\n\n"
	                            "The statement said it was \xE2\x80\x9C" "a mistake\xE2\x80\x9D to wait.\n");
	const struct quote *q = quote(a, "a mistake");
	assert_true(q->speaker == NULL || strcmp(q->speaker, "Grain Council") != 0);
	article_free(a);
}

/* "The Vorland governor said": the person last named whose role holds that
 * office, though someone else was named since. */
static void office_resolves_to_its_holder(void **state)
{
	(void)state;
	struct article *a = analyse("Storm\n\nGov. Edda Brannock toured the coast on Friday, hours after "
	                            "singer Tomas Velde cancelled a concert.\n\n"
	                            "The Vorland governor said the state was \xE2\x80\x9C" "ready for the worst.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "ready for the worst"), "Edda Brannock");
	article_free(a);
}


/* The NYT's '' … '' and a curly opening closed by ’’: the attribution after them is not swallowed. */
static void doubled_apostrophe_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Taxes\n\n''This is not reform,'' said Dora Lindqvist, an economist at the "
	                            "Harbor Institute. ''It is more of the same.''\n\n"
	                            "\xE2\x80\x9CWe checked every figure,\xE2\x80\x99\xE2\x80\x99 Tamsin Okoro, head of "
	                            "the Count Project, told reporters.\n");
	assert_speaker(quote(a, "This is not reform"), "Dora Lindqvist");
	assert_speaker(quote(a, "It is more of the same"), "Dora Lindqvist");
	const struct quote *q = quote(a, "We checked every figure");
	assert_speaker(q, "Tamsin Okoro");
	assert_null(strstr(q->text, "told"));
	article_free(a);
}

/* Songs and nicknames in title case, and terms after "dubbed", are said by nobody. */
static void titles_and_terms_have_no_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Tour\n\nSinger Rosa Ferreira said the band would play \xE2\x80\x9C" "Blue Harbour Lights,"
	                            "\xE2\x80\x9D \xE2\x80\x9C" "Come Down Easy\xE2\x80\x9D and others.\n\n"
	                            "Ferreira toured the old mill, dubbed the \xE2\x80\x9C" "sound factory\xE2\x80\x9D by fans.\n\n"
	                            "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Ferreira said.\n");
	assert_speaker(quote(a, "Blue Harbour Lights"), NULL);
	assert_speaker(quote(a, "Come Down Easy"), NULL);
	for (size_t i = 0; i < a->n_quotes; i++)
		if (!strcmp(a->quotes[i].text, "sound factory"))
			assert_null(a->quotes[i].speaker);
	assert_speaker(quote(a, "We are ready"), "Rosa Ferreira");
	article_free(a);
}

/* A speaker cued by surname is named as the article names them in full. */
static void surname_speaker_named_in_full(void **state)
{
	(void)state;
	struct article *a = analyse("Markets\n\nMatt Orwin, equity strategist at Kell Partners, says the stock is cheap.\n\n"
	                            "\"This is a stock that has been beaten down,\" Orwin said on Monday.\n");
	assert_speaker(quote(a, "This is a stock"), "Matt Orwin");
	article_free(a);
}

/* "he said" after a sentence whose subject is one man and whose object or
 * reported clause names another: the subject speaks. */
static void pronoun_follows_the_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Lunar\n\nDario Venn, the company\xE2\x80\x99s chief operating officer, said Corvan Systems "
	                            "would build on its work. \xE2\x80\x9CWe are starting small,\xE2\x80\x9D he said.\n\n"
	                            "Guitarist Pell Ostrand introduced Marten Kray\xE2\x80\x99s solo. "
	                            "\xE2\x80\x9CYou know him already,\xE2\x80\x9D he said.\n");
	assert_speaker(quote(a, "We are starting small"), "Dario Venn");
	assert_speaker(quote(a, "You know him already"), "Pell Ostrand");
	article_free(a);
}

/* A person whose given name says nothing is a woman once the text calls her "she". */
static void gender_learnt_from_pronouns(void **state)
{
	(void)state;
	struct article *a = analyse("Letters\n\nI wrote to Sasha Arbery about the deal. How would she feel about it?\n\n"
	                            "Her brother Tarrin Arbery, a printer, had kept the rights. He sold them.\n\n"
	                            "\xE2\x80\x9CIt is good news,\xE2\x80\x9D she replied.\n");
	assert_speaker(quote(a, "It is good news"), "Sasha Arbery");
	article_free(a);
}

/* Cues news writes without the usual punctuation or order. */
static void cues_in_other_orders(void **state)
{
	(void)state;
	struct article *a = analyse("Devices\n\n\xE2\x80\x9COur tool saves nurses an hour a shift\xE2\x80\x9D says Ines Marlow, "
	                            "head of products at Velto.\n\n"
	                            "Bram Oyelaran, President Velto Europe, says: \xE2\x80\x9CWe will ship in May.\xE2\x80\x9D\n\n"
	                            "\"Prices have peaked,\" said a report from Harrow Equities.\n\n"
	                            "Chairman, CEO and president Nils Arkwright said \xE2\x80\x9Csales were strong\xE2\x80\x9D in a note.\n");
	assert_speaker(quote(a, "Our tool saves"), "Ines Marlow");
	assert_speaker(quote(a, "We will ship"), "Bram Oyelaran");
	assert_speaker(quote(a, "Prices have peaked"), "Harrow Equities");
	assert_speaker(quote(a, "sales were strong"), "Nils Arkwright");
	article_free(a);
}

/* A body speaks through its ministry, or is called "the group". */
static void bodies_by_description(void **state)
{
	(void)state;
	struct article *a = analyse("Talks\n\nRussia's foreign ministry said the move was \xE2\x80\x9C" "a step back\xE2\x80\x9D for talks.\n\n"
	                            "The Tenant Union of Westmark met on Sunday. In a tweet, the group added that the landlord "
	                            "\xE2\x80\x9Cis not keeping its promises.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "a step back"), "Russia");
	assert_speaker(quote(a, "is not keeping"), "Tenant Union of Westmark");
	article_free(a);
}

/* "…,” he said. There could be trouble “if …”": nobody else named, the same voice. */
static void partial_clause_continues_the_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Cells\n\nBiologist Ana Ferreira studies gut cells.\n\n"
	                            "\xE2\x80\x9CThey are sentinels,\xE2\x80\x9D she said. That could explain allergies: "
	                            "the trouble starts \xE2\x80\x9Cif you have too many of these cells.\xE2\x80\x9D\n");
	assert_speaker(quote(a, "if you have too many"), "Ana Ferreira");
	article_free(a);
}

/* Terms and handles in marks: nobody said them, though the sentence has a subject. */
static void terms_and_handles_are_mentions(void **state)
{
	(void)state;
	struct article *a = analyse("Campaign\n\nThe Ravel Party renamed its account \xE2\x80\x9C" "checkRavel\xE2\x80\x9D "
	                            "during the debate.\n\nAnalysts called it the \xE2\x80\x9C" "end of an era\xE2\x80\x9D "
	                            "for the party.\n\nCritics mocked the \xE2\x80\x9C" "reset\xE2\x80\x9D button.\n");
	assert_speaker(quote(a, "checkRavel"), NULL);
	assert_speaker(quote(a, "end of an era"), NULL);
	assert_speaker(quote(a, "reset"), NULL);
	article_free(a);
}

/* An article quoting with single marks only (British style): they are its quotation marks. */
static void british_single_quotes(void **state)
{
	(void)state;
	struct article *a = analyse("Rail\n\nTransport Secretary Alys Penhallow visited Leeds in the \xE2\x80\x99" "90s and again on Monday.\n\n"
	                            "\xE2\x80\x98We will not let the line close,\xE2\x80\x99 Penhallow told the council. "
	                            "\xE2\x80\x98The town\xE2\x80\x99s trains matter.\xE2\x80\x99\n\n"
	                            "\xE2\x80\x98There is more to do.\n\n"
	                            "\xE2\x80\x98" "And we will do it,\xE2\x80\x99 she added.\n");
	assert_speaker(quote(a, "We will not let the line close"), "Alys Penhallow");
	assert_speaker(quote(a, "The town\xE2\x80\x99s trains matter."), "Alys Penhallow");
	assert_speaker(quote(a, "There is more to do."), "Alys Penhallow");
	assert_speaker(quote(a, "And we will do it"), "Alys Penhallow");
	for (size_t i = 0; i < a->n_quotes; i++)
		assert_null(strstr(a->quotes[i].text, "90s"));
	article_free(a);
}

/* "says WHO": capitals abbreviating an organisation the article names in full. */
static void acronym_speaks_for_its_organisation(void **state)
{
	(void)state;
	struct article *a = analyse("Plague\n\nThe Global Seed Authority tracks crops worldwide.\n\n"
	                            "Untreated blight is \"always fatal\" to wheat, says GSA.\n");
	assert_speaker(quote(a, "always fatal"), "Global Seed Authority");
	article_free(a);
}

/* A name with its own reporting verb inside the sentence's reported clause said the quoted words. */
static void embedded_speaker_said_it(void **state)
{
	(void)state;
	struct article *a = analyse("Hearing\n\nAide Rolf Dannemann testified on Tuesday.\n\n"
	                            "He said his predecessor, Ingrid Solvang, had dubbed the plan \"the ferry problem.\"\n\n"
	                            "Mara Lindqvist added that the letter Rolf Dannemann wrote was \"kind and warm.\"\n\n"
	                            "Lindqvist also stated that Dannemann believes \"a deal will come soon.\"\n");
	assert_speaker(quote(a, "the ferry problem"), "Ingrid Solvang");
	assert_speaker(quote(a, "kind and warm"), "Mara Lindqvist");
	assert_speaker(quote(a, "a deal will come"), "Mara Lindqvist"); /* a belief reports nobody's words */
	article_free(a);
}

/* A paragraph that is one German quotation and nothing else: the look after its closing
 * mark stops at the paragraph's end (it once read the token past the last). */
static void test_quotation_ending_the_paragraph(void **state)
{
	(void)state;
	struct article *a = analyse("Ein Abschied nach vierzig Jahren am Hafen\n\n"
	                            "Der Kapit\u00E4n verabschiedete sich am Freitag von seiner Mannschaft.\n\n"
	                            "\u201EVielen herzlichen Dank f\u00FCr alles, was ihr in all den Jahren getan habt\u201C\n");
	assert_null(quote(a, "Vielen herzlichen Dank")->speaker);
	article_free(a);
}

/* "“…,” as Reed dubbed it": "as", a name and a verb of saying or naming after the quotation. */
static void as_name_dubbed_it(void **state)
{
	(void)state;
	struct article *a = analyse("Mills merge\n\nBoard chair Halvard Brekke backed the deal on Monday.\n\n"
	                            "The \"new Northmill,\" as Brekke dubbed the merged firm, will own nine mills.\n\n"
	                            "The \"old guard,\" as the union sees it, will lose its seats.\n");
	assert_speaker(quote(a, "new Northmill"), "Halvard Brekke");
	assert_string_equal(quote(a, "new Northmill")->cue, "dubbed");
	assert_speaker(quote(a, "old guard"), NULL); /* "sees" reports nobody's words */
	article_free(a);
}

/* Naming the speaker again after the quotation, or quoting a lone term, does not end the speaker's voice. */
static void voice_continues_past_its_own_name(void **state)
{
	(void)state;
	struct article *a = analyse("Ferries\n\nThe harbour has lost money for years.\n\n"
	                            "\"There has not been one good season since 2009,\" says port analyst Oda Fjeld. "
	                            "That has produced a policy of \"cutting every route that does not pay its way.\"\n\n"
	                            "It is not clear what comes next, Fjeld says. Because the \"slow\" routes went first, "
	                            "\"that does not mean the fast ones are safe.\"\n");
	assert_speaker(quote(a, "cutting every route"), "Oda Fjeld");
	assert_speaker(quote(a, "that does not mean"), "Oda Fjeld");
	assert_speaker(quote(a, "slow"), NULL);
	article_free(a);
}

/* Words quoted again later in the article are still the words of the one who first said them with a cue. */
static void requoted_words_keep_their_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Dividends\n\nChief executive Halvard Brekke told investors the firm would "
	                            "\"return cash to owners while investing for growth in every town.\"\n\n"
	                            "Northmill Group may find that hard to square with \"investing for growth.\"\n\n"
	                            "The \"Grow With Us\" campaign begins in May.\n\n"
	                            "Posters read \"Grow With Us\" in red.\n");
	assert_speaker(quote(a, "investing for growth."), "Halvard Brekke");
	for (size_t i = 0; i < a->n_quotes; i++)
		if (!strcmp(a->quotes[i].text, "Grow With Us"))
			assert_null(a->quotes[i].speaker); /* an unattributed slogan passes nobody on */
	article_free(a);
}

/* "his claim that the pair were “not close”": the owner of a speech noun said the quotation. */
static void owner_of_a_claim_speaks(void **state)
{
	(void)state;
	struct article *a = analyse("Inquiry\n\nMinister Edvard Lunde gave a long interview on Sunday.\n\n"
	                            "That contradicts his claim that the two men were \"never close.\"\n\n"
	                            "Lunde's remarks about the \"painful years\" drew criticism.\n\n"
	                            "The harbour's \"new era\" begins in May.\n");
	assert_speaker(quote(a, "never close"), "Edvard Lunde");
	assert_string_equal(quote(a, "never close")->cue, "claim");
	assert_speaker(quote(a, "painful years"), "Edvard Lunde");
	assert_speaker(quote(a, "new era"), NULL); /* a possessive with no speech noun */
	article_free(a);
}

/* A transcript pasted inside an open quotation ("“WALLACE: …") is many voices: no speaker for any of it. */
static void transcript_in_quotes_has_no_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Interview\n\nGovernor Tove Aasen spoke to host Per Brun on Sunday. A transcript follows:\n\n"
	                            "\"BRUN: Will you run again next year, Governor?\n\n"
	                            "\"AASEN: Well, look, the voters will decide that in the spring.\n\n"
	                            "Later, Aasen said, \"We will know by March.\"\n");
	assert_speaker(quote(a, "BRUN: Will you"), NULL);
	assert_speaker(quote(a, "AASEN: Well"), NULL);
	assert_speaker(quote(a, "We will know"), "Tove Aasen");
	article_free(a);
}

/* With no reporting verb, a body using a short term does not speak it; a person still does. */
static void body_using_a_term_is_not_quoted(void **state)
{
	(void)state;
	struct article *a = analyse("Ports\n\nThe Northmill Harbour Authority expanded its \"priority berth\" scheme in May.\n\n"
	                            "Senator Ragna Holm has been calling the scheme a \"giveaway\" for months.\n\n"
	                            "The Northmill Harbour Authority counts ships. The agency found \"forty idle berths\" in June.\n");
	assert_speaker(quote(a, "priority berth"), NULL);
	assert_speaker(quote(a, "forty idle berths"), NULL); /* "the agency": the body last named */
	assert_speaker(quote(a, "giveaway"), "Ragna Holm");
	article_free(a);
}

/* “…,” the famous line by a named person: the owner of the speech noun after the quotation said it. */
static void line_by_a_person_after_the_quote(void **state)
{
	(void)state;
	struct article *a = analyse("Lights\n\nThe festival opens on Friday in the old port.\n\n"
	                            "Its motto is \"Less is more,\" the famous saying of the architect Ludwig Brandt.\n\n"
	                            "Visitors call it \"a sea of lamps,\" the new name of the harbour walk.\n");
	assert_speaker(quote(a, "Less is more"), "Ludwig Brandt");
	assert_speaker(quote(a, "a sea of lamps"), NULL);
	article_free(a);
}

/* "I told myself, “…”" in a first-person piece: the writer of the byline said it; an opinion quotes nobody. */
static void writer_in_the_first_person(void **state)
{
	(void)state;
	const char *text = "Starting out\n\nI opened my shop in 2015 with two chairs and a kettle.\n\n"
	                   "When I signed the lease, I was telling myself, \"This shop is going to work.\"\n\n"
	                   "I think the \"slow year\" is behind us.\n";
	const char *const bylines[] = {"By Oda Lind", "Oda Lind and Per Brun"};
	for (size_t b = 0; b < 2; b++) {
		struct article *a = analyse_by(text, bylines[b]);
		assert_speaker(quote(a, "This shop"), b == 0 ? "Oda Lind" : NULL); /* two writers: which one? */
		assert_speaker(quote(a, "slow year"), NULL);
		article_free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotation_ending_the_paragraph),
		cmocka_unit_test(quote_then_speaker_verb),
		cmocka_unit_test(quote_then_verb_speaker),
		cmocka_unit_test(speaker_verb_colon),
		cmocka_unit_test(speaker_verb_that_partial),
		cmocka_unit_test(split_quote),
		cmocka_unit_test(multi_paragraph_quote),
		cmocka_unit_test(pronoun_resolution),
		cmocka_unit_test(apostrophes_are_not_quotes),
		cmocka_unit_test(nested_single_quotes),
		cmocka_unit_test(nested_double_quotes),
		cmocka_unit_test(guillemets_and_low_quotes),
		cmocka_unit_test(no_speaker_is_null),
		cmocka_unit_test(organisation_speaks),
		cmocka_unit_test(according_to),
		cmocka_unit_test(title_before_name),
		cmocka_unit_test(speaker_verb_on_outlet),
		cmocka_unit_test(bare_quote_inherits),
		cmocka_unit_test(pronoun_agrees_in_gender),
		cmocka_unit_test(closing_attribution_of_sentence),
		cmocka_unit_test(dash_attribution),
		cmocka_unit_test(signed_paragraph),
		cmocka_unit_test(one_paragraph_a_line_after_headline),
		cmocka_unit_test(as_someone_put_it),
		cmocka_unit_test(programme_titles_have_no_speaker),
		cmocka_unit_test(unclosed_quote_megabyte),
		cmocka_unit_test(ten_thousand_marks),
		cmocka_unit_test(paragraph_of_capitals),
		cmocka_unit_test(transcript_turns),
		cmocka_unit_test(campaign_speaks_for_its_head),
		cmocka_unit_test(unnamed_group_then_they),
		cmocka_unit_test(nickname_is_not_a_quote),
		cmocka_unit_test(pronoun_after_verb_is_not_the_speaker),
		cmocka_unit_test(office_resolves_to_its_holder),
		cmocka_unit_test(doubled_apostrophe_quotes),
		cmocka_unit_test(titles_and_terms_have_no_speaker),
		cmocka_unit_test(surname_speaker_named_in_full),
		cmocka_unit_test(pronoun_follows_the_subject),
		cmocka_unit_test(gender_learnt_from_pronouns),
		cmocka_unit_test(cues_in_other_orders),
		cmocka_unit_test(bodies_by_description),
		cmocka_unit_test(partial_clause_continues_the_speaker),
		cmocka_unit_test(terms_and_handles_are_mentions),
		cmocka_unit_test(british_single_quotes),
		cmocka_unit_test(acronym_speaks_for_its_organisation),
		cmocka_unit_test(embedded_speaker_said_it),
		cmocka_unit_test(as_name_dubbed_it),
		cmocka_unit_test(voice_continues_past_its_own_name),
		cmocka_unit_test(requoted_words_keep_their_speaker),
		cmocka_unit_test(owner_of_a_claim_speaks),
		cmocka_unit_test(transcript_in_quotes_has_no_speaker),
		cmocka_unit_test(body_using_a_term_is_not_quoted),
		cmocka_unit_test(line_by_a_person_after_the_quote),
		cmocka_unit_test(writer_in_the_first_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
