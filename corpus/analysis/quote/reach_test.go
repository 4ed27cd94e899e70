package quote

import "testing"

// TestAppositiveReach is a regression test: a speaker named right after
// the quote, with an appositive long enough to push the verb past
// tailWords words (`…,” Matteo Borrini, a forensic scientist at …,
// told BuzzFeed News`), got no speaker, whether the verb was "said" or
// "told" and whoever was told. Past the appositive the verb is the
// name's, and the speaker is that name, not one inside the appositive;
// a verb not right after a comma, a passive one, a possessive and an
// organisation's name are not read so far off.
func TestAppositiveReach(t *testing.T) {
	const said = "We will be seeking jail time"
	runQuotedCases(t, []quotedCase{
		{
			name:     "told a newspaper",
			text:     `"This is the kind of forensic work done all the time," Matteo Borrini, a forensic scientist at a university in Liverpool in the United Kingdom, told BuzzFeed News.`,
			texts:    []string{"This is the kind of forensic work done all the time"},
			speakers: []string{"Matteo Borrini"},
		},
		{
			name:     "told reporters",
			text:     `“With the oil slick that we found, we can assume the plane is in the sea,” Bambang Soelistyo, the head of Indonesia’s search and rescue agency, told reporters.`,
			texts:    []string{"With the oil slick that we found, we can assume the plane is in the sea"},
			speakers: []string{"Bambang Soelistyo"},
		},
		{
			name:     "told the court",
			text:     `"` + said + `," Frank Mateljan, a spokesman for the Los Angeles city attorney, told the court.`,
			texts:    []string{said},
			speakers: []string{"Frank Mateljan"},
		},
		{
			name:     "a relative clause",
			text:     `"He would be a credible, formidable candidate," Bloomberg, an independent who has registered as both a Republican and a Democrat, said on NBC.`,
			texts:    []string{"He would be a credible, formidable candidate"},
			speakers: []string{"Bloomberg"},
		},
		{
			name:     "where the name is from",
			text:     `"Everyone is keen to make their site sound older," Sue O'Connor from the Australian National University, who was not involved in either find, told a newspaper.`,
			texts:    []string{"Everyone is keen to make their site sound older"},
			speakers: []string{"Sue O'Connor"},
		},
		{
			name:     "an organisation's name with where it is",
			text:     `"` + said + `," Bank of America, a lender with offices in London, Paris and Berlin, said.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "a title with where it is",
			text:     `"` + said + `," Chief Executive of Tesla, a company with offices in London, Paris and Berlin, said.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "names inside the appositive",
			text:     `“The boarding process was one of the top areas customers wanted improved,” Sarah Murphy, United’s vice president of Global Operations Strategy, Planning and Design, said in a statement.`,
			texts:    []string{"The boarding process was one of the top areas customers wanted improved"},
			speakers: []string{"Sarah Murphy"},
		},
		{
			name:     "the court told",
			text:     `"` + said + `," Paris, where the company in the United Kingdom has its offices and its biggest shop, the court told him.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "passive",
			text:     `"` + said + `," Judge Amy Berman Jackson, who has presided over the case since it was filed last year in federal court, was told.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "another subject after the comma",
			text:     `"` + said + `," Smith, whose company in the United Kingdom went bankrupt last year after a long dispute, lawyers said.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "a possessive",
			text:     `"` + said + `," Smith's lawyer, a former federal prosecutor who worked in the Los Angeles city attorney's office, told the court.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "furniture",
			text:     `"` + said + `," Breaking News, the latest from the Los Angeles city attorney's office and the courts, said.`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "a second subject",
			text:     `"` + said + `," Frank Mateljan, a spokesman for the Los Angeles city attorney, and his deputy told the Daily News.`,
			texts:    []string{said},
			speakers: []string{""},
		},
	})
}
