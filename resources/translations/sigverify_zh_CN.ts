<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalsDialog</name>
    <message>
        <location filename="../../sigverify/gui/shared_store.py" line="+137"/>
        <location line="+94"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Risky changes asked for by a supervisor wait here until another supervisor approves them. Both names go to the audit log.</source>
        <translation>主管提出的高风险更改在此等待另一位主管批准。两人的姓名都会记入审计日志。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+75"/>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Approve change {change} ({what}) asked for by {who}? It applies at once.</source>
        <translation>批准 {who} 提出的更改 {change}（{what}）？批准后立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject change {change} ({what}) asked for by {who}?</source>
        <translation>拒绝 {who} 提出的更改 {change}（{what}）？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change {change} approved and applied.</source>
        <translation>更改 {change} 已批准并生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change {change} rejected.</source>
        <translation>更改 {change} 已拒绝。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../sigverify/gui/audit_page.py" line="+135"/>
        <source>ID or name</source>
        <translation>ID、姓名或拼音</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File, comment…</source>
        <translation>文件、备注…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries whose details hold this text, capitals aside</source>
        <translation>详情中含有此文字的条目（不区分大小写）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Check the log</source>
        <translation>检查日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no entry was changed, removed or added outside sigverify</source>
        <translation>检查是否有条目在 sigverify 之外被修改、删除或添加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the entries shown to a CSV file (Ctrl+Shift+S)</source>
        <translation>把显示的条目写入 CSV 文件（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>{shown} of {total} entries · Enter shows the chosen entry whole</source>
        <translation>{total} 条中的 {shown} 条 · 按 Enter 查看所选记录全文</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>✔ The log is intact: none of its {count} entries was changed, removed or added outside sigverify.</source>
        <translation>✔ 日志完好：其 {count} 条记录均未在 sigverify 之外被修改、删除或添加。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✖ The log was altered at entry #{entry}: it or an entry after it was changed, removed or added outside sigverify. Keep this store as it is and tell your supervisor.</source>
        <translation>✖ 日志在第 {entry} 条处被改动：该条或其后的条目在 sigverify 之外被修改、删除或添加。请保持此存储原样，并告知主管。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} entries written to {path}.</source>
        <translation>已将 {count} 条写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/audit_entry_text.py" line="+22"/>
        <source>Entry #{id}, {time}, by {operator}</source>
        <translation>第 {id} 条，{time}，操作员 {operator}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{action}: {person}</source>
        <translation>{action}：{person}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thresholds: accept at or below {accept}, reject above {reject}</source>
        <translation>阈值：不高于 {accept} 接受，高于 {reject} 拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The picture&apos;s thresholds: accept at or below {accept}, reject above {reject}</source>
        <translation>图像的阈值：不高于 {accept} 接受，高于 {reject} 拒绝</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This person&apos;s own thresholds decided.</source>
        <translation>由此人自己的阈值判定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The thresholds set for everyone decided.</source>
        <translation>由为所有人设定的阈值判定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model&apos;s own thresholds decided.</source>
        <translation>由模型自带的阈值判定。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drawn on a pad: pen and picture together {fused}, decided on accept at or below {accept}, reject above {reject}</source>
        <translation>手写板上签：笔迹与图像合并 {fused}，按 ≤ {accept} 接受、&gt; {reject} 拒绝判定</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cut from the page {page}, in {folder}</source>
        <translation>从页面 {page} 裁剪，位于 {folder}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cut from the page {page}</source>
        <translation>从页面 {page} 裁剪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: {file}, in {folder}</source>
        <translation>文件：{file}，位于 {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Checked as a picture of the whole paper, not cut out.</source>
        <translation>按整张纸的图片验证，未裁剪出签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pen model: {model}</source>
        <translation>笔迹模型：{model}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry hash: {hash}</source>
        <translation>记录哈希：{hash}</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <location filename="../../sigverify/gui/audit_page.py" line="-306"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BackupPassphrase</name>
    <message>
        <location filename="../../sigverify/gui/backup_passphrase.py" line="+38"/>
        <source>at least {count} characters: a few words</source>
        <translation>至少 {count} 个字符：可用几个词</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>“{file}” is encrypted (backup key ID {key}): type the passphrase it was made under.</source>
        <translation>“{file}”已加密（备份密钥编号 {key}）：请输入制作它时所用的口令。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Tried %n time(s). Its passphrase:</source>
        <translation>
            <numerusform>已尝试 %n 次。请输入它的口令：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>BackupPassphraseDialog</name>
    <message>
        <location line="-152"/>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A backup holds every signature of the store. With a passphrase, every backup from now on (by hand or daily) is encrypted, and restoring it asks for the passphrase; backing up does not. Write it down and keep it apart from the backups: without it no one can restore them, not even sigverify&apos;s makers.</source>
        <translation>备份中含有存储里的每一个签名。设置口令后，今后的每个备份（手动或每日）都会加密，恢复时需要输入口令；备份时则不需要。请把口令写下来，并与备份分开保管：没有它，任何人都无法恢复这些备份，sigverify 的开发者也不能。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backups of this store are encrypted. A new passphrase applies to backups made from now on; each backup made before still opens with the passphrase it was made under, so keep the old one as long as you keep those backups. Without a backup&apos;s passphrase no one can restore it, not even sigverify&apos;s makers.</source>
        <translation>此存储的备份已加密。新口令只用于今后制作的备份；之前制作的每个备份仍用制作时的口令打开，所以只要还保留那些备份，就要保留旧口令。没有备份的口令，任何人都无法恢复它，sigverify 的开发者也不能。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Current passphrase:</source>
        <translation>当前口令(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New passphrase:</source>
        <translation>新口令(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase &amp;again:</source>
        <translation>再次输入新口令(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Change the passphrase</source>
        <translation>更改口令(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Protect backups</source>
        <translation>保护备份(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+57"/>
        <source>&amp;Stop protecting backups</source>
        <translation>停止保护备份(&amp;S)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Type the current passphrase first.</source>
        <translation>请先输入当前口令。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type a new passphrase.</source>
        <translation>请输入新口令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the new passphrase a second time.</source>
        <translation>请再输入一次新口令。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backups made from now on will not be encrypted: anyone holding one can read every signature in it. Backups made before still need their passphrase.</source>
        <translation>今后制作的备份将不再加密：任何拿到备份的人都能读取其中的每一个签名。之前制作的备份仍需要各自的口令。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That is not the current passphrase: nothing was changed.</source>
        <translation>这不是当前口令：没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>BandRatesView</name>
    <message>
        <location filename="../../sigverify/gui/band_rates_view.py" line="+29"/>
        <source>accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sent to review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Genuine signatures</source>
        <translation>真实签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skilled forgeries</source>
        <translation>熟练伪造签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other people&apos;s signatures</source>
        <translation>他人的签名</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>FAR {far} · FRR {frr} · genuine sent to review {review}</source>
        <translation>误识率 FAR {far} · 拒识率 FRR {frr} · 真实签名需复核 {review}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>With these thresholds, of 100 genuine signatures: about {g_ok:.0f} accepted, {g_review:.0f} sent to review and {g_no:.0f} rejected; of 100 skilled forgeries: about {s_ok:.0f} let through and {s_review:.0f} sent to review.</source>
        <translation>按这组阈值，每 100 个真实签名中约 {g_ok:.0f} 个被接受、{g_review:.0f} 个需复核、{g_no:.0f} 个被拒绝；每 100 个熟练伪造签名中约 {s_ok:.0f} 个会被放行、{s_review:.0f} 个需复核。</translation>
    </message>
</context>
<context>
    <name>CardPassphrase</name>
    <message>
        <location filename="../../sigverify/gui/card_passphrase.py" line="+97"/>
        <source>“{file}” is protected by a passphrase: type the one it was exported with (ask whoever exported it).</source>
        <translation>“{file}”受口令保护：请输入导出时设定的口令（可向导出者询问）。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Tried %n time(s). Its passphrase:</source>
        <translation>
            <numerusform>已尝试 %n 次。请输入它的口令：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import person card</source>
        <translation>导入人员卡</translation>
    </message>
</context>
<context>
    <name>CardPassphraseDialog</name>
    <message>
        <location line="-83"/>
        <source>Protect the card</source>
        <translation>保护人员卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card “{file}” holds the signatures of {person}. With a passphrase, only someone who types it can import the card or see them. Tell it to whoever imports the card apart from the file (by phone, not in the same e-mail).</source>
        <translation>人员卡“{file}”包含 {person} 的签名。设定口令后，只有输入口令的人才能导入此卡或看到这些签名。请把口令与文件分开告知导入者（例如电话告知，不要写在同一封邮件里）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase &amp;again:</source>
        <translation>再次输入口令(&amp;A)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Protect and &amp;save</source>
        <translation>加密并保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;without a passphrase</source>
        <translation>不设口令保存(&amp;W)</translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message numerus="yes">
        <location filename="../../sigverify/gui/queue_checking.py" line="+90"/>
        <source>Stopped: %n item(s) checked; “Check” goes on with the rest.</source>
        <translation>
            <numerusform>已停止：已验证 %n 项；按“验证”继续其余各项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the Queue&apos;s check</source>
        <translation>“队列”的检查</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <location filename="../../sigverify/gui/comparison_panel.py" line="+45"/>
        <source>Side by side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoom (or Ctrl + mouse wheel on the picture)</source>
        <translation>缩放（也可在图片上按住 Ctrl 并滚动鼠标滚轮）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checked signature</source>
        <translation>被验证签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>参考签名</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;span style=&apos;color:#d32f2f&apos;&gt;■ checked signature&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#1565c0&apos;&gt;■ reference&lt;/span&gt; &amp;nbsp; ■ both</source>
        <translation>&lt;span style=&apos;color:#d32f2f&apos;&gt;■ 被验证签名&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#1565c0&apos;&gt;■ 参考签名&lt;/span&gt; &amp;nbsp; ■ 两者重合</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;span style=&apos;color:#e6a100&apos;&gt;■&lt;/span&gt;&lt;span style=&apos;color:#d32f2f&apos;&gt;■&lt;/span&gt; differs (red: most, and the model&apos;s distance rests on it)</source>
        <translation>&lt;span style=&apos;color:#e6a100&apos;&gt;■&lt;/span&gt;&lt;span style=&apos;color:#d32f2f&apos;&gt;■&lt;/span&gt; 不同之处（红色：差异最大，且模型的距离主要取决于此）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>■ checked signature &amp;nbsp; &lt;span style=&apos;color:#5d9bd5&apos;&gt;■ reference, aligned onto it&lt;/span&gt; &amp;nbsp; {differs}</source>
        <translation>■ 被验证签名 &amp;nbsp; &lt;span style=&apos;color:#5d9bd5&apos;&gt;■ 参考签名（已对齐）&lt;/span&gt; &amp;nbsp; {differs}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>■ checked signature &amp;nbsp; &lt;span style=&apos;color:#5d9bd5&apos;&gt;■ reference, as stored (they could not be aligned)&lt;/span&gt; &amp;nbsp; {differs}</source>
        <translation>■ 被验证签名 &amp;nbsp; &lt;span style=&apos;color:#5d9bd5&apos;&gt;■ 参考签名（按存储原样，两者无法对齐）&lt;/span&gt; &amp;nbsp; {differs}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show where they &amp;differ</source>
        <translation>显示不同之处(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour the strokes of either signature that have no counterpart in the other, after aligning the reference onto the checked signature (Alt+D)</source>
        <translation>将参考签名对齐到被验证签名后，为两者中在对方找不到对应的笔画着色（Alt+D）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with</source>
        <translation>对比对象</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Each reference&apos;s distance to the checked signature, on the same scale as the score and the thresholds</source>
        <translation>各参考签名与被验证签名之间的距离，与分数和阈值采用相同的刻度</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Preparing the reference as the model sees it…</source>
        <translation>正在按模型所见准备参考签名…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This result was made with another model: check the signature again to overlay it on its references.</source>
        <translation>此结果由另一个模型得出：请重新验证该签名，才能将它与参考签名叠加对比。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Working out where they differ…</source>
        <translation>正在找出不同之处…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The differences could not be worked out: {error}</source>
        <translation>无法找出不同之处：{error}</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <location filename="../../sigverify/gui/crop.py" line="+251"/>
        <source>Select the signature</source>
        <translation>框选签名</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Next candidate</source>
        <translation>下一个候选(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the next place that looks like a signature</source>
        <translation>选中下一处看起来像签名的位置</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The signature found on the page is selected.</source>
        <translation>已选中在此页上找到的签名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place {number} of {count} that looks like a signature is selected.</source>
        <translation>已选中第 {number} 处（共 {count} 处）看起来像签名的位置。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>No signature was found on this page: drag a rectangle around it (or use the arrow keys; Shift changes the size), then press OK.</source>
        <translation>此页上未找到签名：请拖出一个矩形框住签名（或用方向键移动矩形，按住 Shift 键可调整大小），然后按“确定”。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Drag another rectangle if it is not right (or use the arrow keys: they move it, Shift + arrow keys size it), then press OK. Print and stamps around it are left out.</source>
        <translation>如果不对，请重新拖出矩形（或用方向键移动矩形，Shift + 方向键调整大小），然后按“确定”。周围的印刷文字和印章会被去掉。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The photographed sheet is shown squared up.</source>
        <translation>照片中的纸张已摆正显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too small for a signature: drag a rectangle at least {side} pixels of the page each way.</source>
        <translation>区域太小，容不下签名：请拖出一个长和宽都至少为页面 {side} 像素的矩形。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selection before it stays.</source>
        <translation>之前的选区保留不变。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your selection will be kept, its light made even: press OK.</source>
        <translation>将保留您选择的区域，并使其光线均匀：请按“确定”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your selection will be kept as it is: press OK.</source>
        <translation>将按原样保留您选择的区域：请按“确定”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the signature first.</source>
        <translation>请先框选签名。</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../sigverify/gui/daily_backup.py" line="+93"/>
        <source>Back up &amp;every day to “{folder}”…</source>
        <translation>每天备份到“{folder}”(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up &amp;every day to a folder…</source>
        <translation>每天备份到一个文件夹(&amp;E)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sigverify backs the store up to {folder} the first time it runs each day, and keeps the newest {kept} of these backups there.</source>
        <translation>sigverify 每天第一次运行时会将存储备份到 {folder}，并在那里保留最新的 {kept} 份此类备份。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Another folder…</source>
        <translation>换一个文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Stop the daily backup</source>
        <translation>停止每日备份(&amp;S)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No daily backup now: back the store up by hand from its menu.</source>
        <translation>现在不再每日备份：请通过存储菜单手动备份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sigverify will back the store up to {folder} the first time it runs each day (today&apos;s backup is there already), keeping the newest {kept} there. Choose a folder away from this computer&apos;s disk: a network folder, or a stick left plugged in.</source>
        <translation>sigverify 将在每天第一次运行时把存储备份到 {folder}（今天的备份已在那里），并在那里保留最新的 {kept} 份。请选择不在本机磁盘上的文件夹：网络文件夹，或一直插着的 U 盘。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sigverify will back the store up to {folder} the first time it runs each day (the first one now), keeping the newest {kept} there. Choose a folder away from this computer&apos;s disk: a network folder, or a stick left plugged in.</source>
        <translation>sigverify 将在每天第一次运行时把存储备份到 {folder}（第一份现在就备份），并在那里保留最新的 {kept} 份。请选择不在本机磁盘上的文件夹：网络文件夹，或一直插着的 U 盘。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This folder is on the same disk as the store: if that disk fails, the backups are lost with it.</source>
        <translation>这个文件夹与存储在同一磁盘上：该磁盘一旦损坏，这些备份也会随之丢失。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The daily backup folder {folder} cannot be reached.</source>
        <translation>无法访问每日备份文件夹 {folder}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Daily backup made: {file}</source>
        <translation>已完成每日备份：{file}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Daily backup not made ({reason}): see the store button</source>
        <translation>未完成每日备份（{reason}）：详见存储按钮</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/data_page.py" line="+49"/>
        <source>Your signatures</source>
        <translation>您的签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder holding genuine signatures and forgeries, one folder per person.</source>
        <translation>选择存放真实签名和伪造签名的文件夹，每人一个子文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+64"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a template folder…</source>
        <translation>创建模板文件夹…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layouts understood: {help}.</source>
        <translation>支持的目录结构：{help}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Genuine</source>
        <translation>真实签名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forged</source>
        <translation>伪造签名</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New data folder</source>
        <translation>新建数据文件夹</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Template folder</source>
        <translation>模板文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created {folder}. Put each person&apos;s signatures in their own folder (see README.txt there), then choose the folder again.</source>
        <translation>已创建 {folder}。请将每个人的签名放入各自的文件夹（参见其中的 README.txt），然后重新选择该文件夹。</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+49"/>
        <source>Press Enter to read this folder.</source>
        <translation>按 Enter 读取此文件夹。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{writers} people ({usable} usable), {genuine} genuine and {forged} forged signatures ({layout} layout).</source>
        <translation>{writers} 人（{usable} 人可用），{genuine} 个真实签名，{forged} 个伪造签名（目录结构：{layout}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sigverify&apos;s own</source>
        <translation>sigverify 自有格式</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking images… %v / %m</source>
        <translation>正在检查图像… %v / %m</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Only {n} usable people: {recommended} or more are recommended. A model trained on fewer may fit these people only, and its test figures rest on very few.</source>
        <translation>可用人员只有 {n} 位：建议 {recommended} 位或更多。用更少人员训练的模型可能只适合这些人，其测试数字也只基于极少的人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At least 4 usable people are needed: 2 to train on, and 1 each for validation and test, kept apart; {n} found.</source>
        <translation>至少需要 4 名可用人员：2 名用于训练，验证和测试各 1 名，彼此分开；目前找到 {n} 名。</translation>
    </message>
</context>
<context>
    <name>DecisionBadge</name>
    <message>
        <location filename="../../sigverify/gui/widgets.py" line="+330"/>
        <source>ACCEPTED BY A CLERK</source>
        <translation>已由柜员接受</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REJECTED BY A CLERK</source>
        <translation>已由柜员拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The machine&apos;s answer: {decision}</source>
        <translation>机器的结论：{decision}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ACCEPT</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NEEDS REVIEW</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REJECT</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>No result yet</source>
        <translation>尚无结果</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../sigverify/gui/pen.py" line="+141"/>
        <source>Draw a signature</source>
        <translation>手写签名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign above the line with a pen tablet or the mouse. A tablet&apos;s pen pressure is recorded too.</source>
        <translation>请使用手写板或鼠标在横线上方签名。使用手写板时还会记录笔压。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Drop the signature?</source>
        <translation>舍弃签名？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the signature drawn here? It is not kept anywhere.</source>
        <translation>要舍弃在此手写的签名吗？它不会保存在任何地方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Drop it</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>EnrolmentFlow</name>
    <message numerus="yes">
        <location filename="../../sigverify/gui/enrolment_flow.py" line="+66"/>
        <source>Not enrolled yet: %n signature(s) added for the new person. Drop the signature(s)?</source>
        <translation>
            <numerusform>为新人员添加的 %n 个签名尚未登记。要舍弃这些签名吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+47"/>
        <source>Signatures not enrolled</source>
        <translation>签名尚未登记</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+8"/>
        <location line="+8"/>
        <location line="+50"/>
        <source>&amp;Drop</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Enrolling… Choose again once it is done.</source>
        <translation>正在登记…完成后请重新选择。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not enrolled yet: 1 signature added for {id}. Enrol it for {id} first, or drop it?</source>
        <translation>为 {id} 添加的 1 个签名尚未登记。要先为 {id} 登记它，还是舍弃？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Enrol it for {id}</source>
        <translation>为 {id} 登记它(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Not enrolled yet: %n signature(s) added for {id}. Enrol them for {id} first, or drop them?</source>
        <translation>
            <numerusform>为 {id} 添加的 %n 个签名尚未登记。要先为 {id} 登记它们，还是舍弃？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Enrol them for {id}</source>
        <translation>为 {id} 登记它们(&amp;E)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not enrolled yet: 1 signature added for {id}. Enrol it before quitting, or drop it?</source>
        <translation>为 {id} 添加的 1 个签名尚未登记。要在退出前登记它，还是舍弃？</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Not enrolled yet: %n signature(s) added for {id}. Enrol them before quitting, or drop them?</source>
        <translation>
            <numerusform>为 {id} 添加的 %n 个签名尚未登记。要在退出前登记它们，还是舍弃？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not enrolled yet: 1 signature added for the new person. Type their ID and enrol it, or drop it?</source>
        <translation>为新人员添加的 1 个签名尚未登记。要输入其 ID 并登记，还是舍弃？</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Not enrolled yet: %n signature(s) added for the new person. Type their ID and enrol them, or drop them?</source>
        <translation>
            <numerusform>为新人员添加的 %n 个签名尚未登记。要输入其 ID 并登记，还是舍弃？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signature not enrolled</source>
        <translation>签名尚未登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Enrol them</source>
        <translation>登记它们(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Enrol it</source>
        <translation>登记它(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Enrol %n reference(s)</source>
        <translation>
            <numerusform>登记 %n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+91"/>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Enrol the signatures below (Ctrl+Enter)</source>
        <translation>登记下方的签名（Ctrl+Enter）</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n signature(s) waiting for {id}, who is enrolled already: Enrol (Ctrl+Enter) adds to their references.</source>
        <translation>
            <numerusform>有 %n 个签名等待登记到已登记的 {id}：按“登记”（Ctrl+Enter）会将其添加到此人的参考签名中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n signature(s) waiting: press Enrol (Ctrl+Enter) to enrol. With fewer than {low} references many more genuine signatures are refused: add more if you can.</source>
        <translation>
            <numerusform>有 %n 个签名等待登记：按“登记”（Ctrl+Enter）登记。参考签名少于 {low} 个时，会有多得多的真实签名被拒绝：如有可能，请多添加几个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n signature(s) waiting: press Enrol (Ctrl+Enter) to enrol.</source>
        <translation>
            <numerusform>有 %n 个签名等待登记：按“登记”（Ctrl+Enter）登记。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{id} is enrolled already, with %n reference(s): signatures enrolled here are added to theirs. For a new person, type another ID.</source>
        <translation>
            <numerusform>{id} 已登记，有 %n 个参考签名：在此登记的签名会添加到此人的参考签名中。如要登记新人员，请输入另一个 ID。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n reference(s) enrolled; add {more} to {most} more ({low} to {high} in all): drop files, open, paste, draw or crop them from a page.</source>
        <translation>
            <numerusform>已登记 %n 个参考签名；请再添加 {more} 至 {most} 个（共 {low} 至 {high} 个）：可拖入文件、打开、粘贴、手写，或从页面中裁剪。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add {low} to {high} signatures of this person: drop files, open, paste, draw or crop them from a page.</source>
        <translation>请添加此人员的 {low} 至 {high} 个签名：可拖入文件、打开、粘贴、手写，或从页面中裁剪。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n reference(s) enrolled. To add more: drop files, open, paste, draw or crop them from a page.</source>
        <translation>
            <numerusform>已登记 %n 个参考签名。如需添加更多：拖入文件、打开、粘贴、手写，或从页面中裁剪。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Type the person&apos;s ID first (for example a customer or patient number).</source>
        <translation>请先输入人员 ID（例如客户号或病历号）。</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>Enrolled though asked about: %n of them.</source>
        <translation>
            <numerusform>其中 %n 个虽经询问仍已登记。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>References of someone else</source>
        <translation>属于他人的参考签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reference of someone else</source>
        <translation>一个属于他人的参考签名</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{message}

Enrol anyway? Cancel enrols nothing: what is named stays below, marked ⚠, to be checked.</source>
        <translation>{message}

仍要登记吗？“取消”则不登记任何签名：这里列出的签名会留在下方并标记 ⚠，以便检查。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{message}

Enrol anyway, or leave out what is named here and enrol the rest? What is left out stays below, marked ⚠, to be checked. Cancel enrols nothing.</source>
        <translation>{message}

仍要登记，还是排除这里列出的签名并登记其余签名？排除的签名会留在下方并标记 ⚠，以便检查。“取消”则不登记任何签名。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Marked ⚠ to be checked: %n of them.</source>
        <translation>
            <numerusform>其中 %n 个已标记 ⚠，待检查。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-98"/>
        <source>{id} is already enrolled. Add these references to {id}?</source>
        <translation>{id} 已登记。要将这些参考签名添加到 {id} 吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add them</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Enrolling…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{id} is already enrolled, as {stored}, not as {typed}. Check the ID: these references are meant for the person who signed them.

Add them to {stored} ({id}) anyway? {stored} keeps their name.</source>
        <translation>{id} 已登记，姓名为 {stored}，而不是 {typed}。请核对编号：这些参考签名应属于签名本人。

仍要将它们添加到 {stored}（{id}）吗？{stored} 的姓名保持不变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add them to {name}</source>
        <translation>添加到 {name}(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another person&apos;s ID?</source>
        <translation>是他人的编号吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Already enrolled</source>
        <translation>已登记</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Enrolled %n reference(s).</source>
        <translation>
            <numerusform>已登记 %n 个参考签名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Unlike the others: %n of them (see the ⚠ mark).</source>
        <translation>
            <numerusform>其中 %n 个与其他参考签名不同（请查看 ⚠ 标记）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n signature(s) still waiting below.</source>
        <translation>
            <numerusform>下方仍有 %n 个签名等待处理。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pictures of the whole paper</source>
        <translation>整张纸的图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A picture of the whole paper</source>
        <translation>整张纸的图片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>References look different</source>
        <translation>有多个参考签名与其他签名差异较大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reference looks different</source>
        <translation>有参考签名与其他签名差异较大</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>&amp;Enrol anyway</source>
        <translation>仍然登记(&amp;E)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Leave it out</source>
        <translation>排除它(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Leave them out</source>
        <translation>排除它们(&amp;L)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+6"/>
        <source>Nothing was enrolled.</source>
        <translation>未登记任何签名。</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/evaluation_page.py" line="+36"/>
        <source>How good is it?</source>
        <translation>效果如何？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both models measured on the same test people, whom the new model never saw.</source>
        <translation>两个模型在同一批测试集人员上评估，新模型从未见过这些人员。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>EER</source>
        <translation>EER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAR skilled</source>
        <translation>FAR（熟练伪造）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAR random</source>
        <translation>FAR（随机伪造）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FRR</source>
        <translation>FRR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+89"/>
        <location line="+29"/>
        <source>New model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+127"/>
        <source>Active model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>There were no test people, so nothing was measured.</source>
        <translation>没有测试集人员，因此未进行评估。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measuring the active model on the same people…</source>
        <translation>正在同一批人员上评估当前模型…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Active: {name}</source>
        <translation>当前模型：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New model: EER {eer} with {refs} references.</source>
        <translation>新模型：使用 {refs} 个参考签名时 EER 为 {eer}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new model is better on these people: EER {new} against {old}.</source>
        <translation>新模型在这些人员上表现更好：EER {new}，当前模型为 {old}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new model is not better on these people: EER {new} against {old}.</source>
        <translation>新模型在这些人员上并未更好：EER {new}，当前模型为 {old}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(Test people: {n}; with few people this is a rough estimate.)</source>
        <translation>（测试人数：{n}；人数少时这只是粗略估计。）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New model: distances</source>
        <translation>新模型：距离</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <translation>新模型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Active model: distances</source>
        <translation>当前模型：距离</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>active</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>{name} was trained on %n of these test people ({ids}): the comparison favours it.</source>
        <translation>
            <numerusform>{name} 曾用其中 %n 位测试人员训练（{ids}）：这一比较对它有利。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Training was cancelled after {run} of {epochs} epochs: this is the model of epoch {best}, the best by then.</source>
        <translation>训练在 {epochs} 轮中的第 {run} 轮后被取消：这是第 {best} 轮的模型，是当时最好的。</translation>
    </message>
</context>
<context>
    <name>EveryoneThresholds</name>
    <message>
        <location filename="../../sigverify/gui/everyone_thresholds.py" line="+25"/>
        <source>Use accept {accept:.4f} and reject {reject:.4f} with the model “{model}” for everyone without their own thresholds? The change is written to the audit log.</source>
        <translation>对没有个人阈值的所有人员，在模型“{model}”下使用接受阈值 {accept:.4f} 和拒绝阈值 {reject:.4f}？此更改将写入审计日志。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These started from the own thresholds of {person}; everyone&apos;s are {accept} / {reject} now.</source>
        <translation>这些阈值是从 {person} 的个人阈值改起的；所有人目前的阈值为 {accept} / {reject}。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>They were set on the signatures of the folder “{folder}”, %n person(s), not on the model&apos;s validation people.</source>
        <translation>
            <numerusform>它们是在文件夹“{folder}”中 %n 人的签名上设定的，而不是在模型的验证集人员上。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply to everyone</source>
        <translation>应用于所有人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applied to everyone.</source>
        <translation>已应用于所有人。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Everyone without their own already has the model&apos;s thresholds ({accept} / {reject}): nothing was changed.</source>
        <translation>没有个人阈值的人员已在使用模型的阈值（{accept} / {reject}）：未作任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use the model&apos;s own thresholds again (accept {accept:.4f}, reject {reject:.4f}) for everyone without their own? The change is written to the audit log.</source>
        <translation>对没有个人阈值的所有人员重新使用模型自身的阈值（接受 {accept:.4f}，拒绝 {reject:.4f}）？此更改将写入审计日志。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{person} keeps their own.</source>
        <translation>{person} 保留其个人阈值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the model&apos;s values</source>
        <translation>恢复为模型的默认值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Go back</source>
        <translation>恢复(&amp;G)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to the model&apos;s thresholds.</source>
        <translation>已恢复为模型的阈值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The pen model changed meanwhile: nothing was applied.</source>
        <translation>笔迹模型在此期间已更改：未应用任何设置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pen model was fitted again since sigverify started: nothing was applied. Start sigverify again so that it uses the new fitting, then set the band.</source>
        <translation>自 sigverify 启动以来，笔迹模型已重新拟合：未应用任何更改。请重新启动 sigverify 以使用新的拟合，然后再设定阈值带。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The model changed meanwhile: nothing was applied.</source>
        <translation>模型在此期间已更改：未应用任何设置。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Everyone without their own: {accept} / {reject}.</source>
        <translation>没有个人阈值的人员：{accept} / {reject}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change {change} waits for another supervisor&apos;s approval.</source>
        <translation>更改 {change} 正在等待另一位主管批准。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sigverify/gui/main_window.py" line="+80"/>
        <source>sigverify {version}</source>
        <translation>sigverify {version}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>switching the model</source>
        <translation>切换模型</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{page} (Ctrl+{n})</source>
        <translation>{page}（Ctrl+{n}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+141"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>The name written to the audit log for everything done here; click to change</source>
        <translation>在此执行的所有操作均以此名称写入审计日志；点击可更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On a shared store the audit log names the database account you use</source>
        <translation>在共享存储中，审计日志记录的是您使用的数据库账户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Changes waiting for a second supervisor&apos;s approval</source>
        <translation>等待第二位主管批准的更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version, model, its accuracy and where data is kept (F1)</source>
        <translation>版本、模型及其准确度、数据存放位置（F1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No model loaded: choose one on the Models page.</source>
        <translation>未加载模型：请在“模型”页面选择一个模型。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your change waits for {what} to end; so do checks after it.</source>
        <translation>您的更改要等{what}结束；其后的验证也要等。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model: {name} · {device}</source>
        <translation>模型：{name} · {device}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name as it should appear in the audit log:</source>
        <translation>请输入在审计日志中显示的您的姓名：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Approvals ({count})</source>
        <translation>审批（{count}）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sigverify will open {store} the next time it starts.</source>
        <translation>sigverify 将在下次启动时打开{store}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the store on this computer</source>
        <translation>本机上的存储</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/language.py" line="+39"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../sigverify/gui/main_window.py" line="+13"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now: {language}. Show sigverify in:</source>
        <translation>当前：{language}。将 sigverify 显示为：</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/main_window.py" line="+1"/>
        <source>sigverify will use {language} the next time it starts.</source>
        <translation>下次启动 sigverify 时将使用 {language}。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/quitting.py" line="+88"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/about.py" line="+19"/>
        <source>&lt;h3&gt;sigverify {version}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;sigverify {version}&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Offline handwritten-signature verification.&lt;/p&gt;</source>
        <translation>&lt;p&gt;离线手写签名验证。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;&lt;b&gt;Model:&lt;/b&gt; {name} ({device})&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;模型：&lt;/b&gt;{name}（{device}）&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;&lt;b&gt;Treat “accept” as “looks consistent”&lt;/b&gt; and keep a person in the loop: no model of this kind is accurate enough for unattended decisions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;请把“接受”理解为“看起来一致”&lt;/b&gt;，并始终由人工把关：此类模型的准确度都不足以在无人值守的情况下作出决定。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;&lt;b&gt;Store:&lt;/b&gt; {store}&lt;br&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Log folder:&lt;/b&gt; {logs}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;数据库：&lt;/b&gt;{store}&lt;br&gt;&lt;b&gt;数据文件夹：&lt;/b&gt;{data}&lt;br&gt;&lt;b&gt;日志文件夹：&lt;/b&gt;{logs}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About sigverify</source>
        <translation>关于 sigverify</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/quitting.py" line="-61"/>
        <location line="+27"/>
        <source>quitting</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The queue is being checked: {done} of {total} items so far. Quit anyway? What was checked is kept, and Check goes on with the rest after a restart.</source>
        <translation>队列正在验证：目前已完成 {total} 项中的 {done} 项。仍要退出吗？已验证的结果会保留，重新启动后按“验证”可继续验证其余项目。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The queue is being checked. Quit anyway? What was checked is kept, and Check goes on with the rest after a restart.</source>
        <translation>队列正在验证。仍要退出吗？已验证的结果会保留，重新启动后按“验证”可继续验证其余项目。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quit sigverify</source>
        <translation>退出 sigverify</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>The thresholds moved on the Thresholds page are not in use yet: quitting leaves them unapplied. Quit anyway?</source>
        <translation>在“阈值”页面调整的阈值尚未生效：退出后它们不会被应用。仍要退出吗？</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Work is still running. Quit anyway? Finished steps are kept; the running step is cancelled.</source>
        <translation>仍有任务正在运行。仍要退出吗？已完成的步骤会保留，正在运行的步骤将被取消。</translation>
    </message>
</context>
<context>
    <name>ModelDescriptions</name>
    <message>
        <location filename="../../sigverify/gui/model_card_view.py" line="+25"/>
        <source>An ensemble of 2 models of one recipe and writer split. Trained on 229 writers of CEDAR, SigComp2011, BHSig260 Bengali and Hindi and SigComp2009 NFI (data sets drawn equally), validated on 53, tested on 71 never seen; 800 px working size, sigverify&apos;s own thinning, scan-edge lines removed; 75 epochs on a GPU.</source>
        <translation>由同一配方、同一书写者划分训练的 2 个模型组成的集成模型。在 CEDAR、SigComp2011、BHSig260 孟加拉文与印地文以及 SigComp2009 NFI 的 229 位书写者上训练（各数据集等量抽取），在 53 位书写者上验证，并在 71 位从未见过的书写者上测试；工作尺寸 800 像素，使用 sigverify 自己的细化算法，并去除扫描边缘的直线；在 GPU 上训练 75 轮。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pen model for signatures drawn on a pad: a time-delay network on the pen trajectory, trained writer-disjoint on SVC2004, SUSIG and SigComp2009 NFI pen data (NFI writers on the same side as their scans in the default image model). Joined with time warping and the image model by its fusion entry.</source>
        <translation>用于手写板签名的笔迹模型：基于笔迹轨迹的时延网络，在 SVC2004、SUSIG 和 SigComp2009 NFI 笔迹数据上按书写者互不重叠地训练（NFI 书写者与其扫描件在默认图像模型中划分在同一侧）。通过其融合设置与时间规整和图像模型结合。</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location line="+62"/>
        <source>Encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoder}, {count:,} parameters</source>
        <translation>{encoder}，{count:,} 个参数</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Set in this store</source>
        <translation>在此存储中设定</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strokes</source>
        <translation>笔画</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>redrawn {w:g} px wide, whatever the pen or focus</source>
        <translation>无论使用何种笔、图像是否清晰，笔画都统一重绘为 {w:g} 像素宽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as scanned (the pen&apos;s own width and shading)</source>
        <translation>保持扫描原样（保留笔本身的粗细和浓淡）</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Stroke check</source>
        <translation>笔画核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{per_px:.4f} added to the score for each pixel by which the strokes lie further from the references&apos; than theirs from each other (typical {px:.1f} px)</source>
        <translation>笔画与参考签名笔画的距离每比参考签名彼此之间的距离多 1 像素，分数加 {per_px:.4f}（典型值 {px:.1f} 像素）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>contrastive</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>triplet</source>
        <translation>三元组</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an ensemble of {count} ({members})</source>
        <translation>由 {count} 个模型组成的集成（{members}）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>euclidean</source>
        <translation>欧氏距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cosine</source>
        <translation>余弦距离</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embeddings</source>
        <translation>嵌入向量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>whitened by the training writers&apos; own variation</source>
        <translation>按训练书写者自身的差异进行白化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as the network gives them</source>
        <translation>保持网络输出原样</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept ≤ {a:.4f}, reject &gt; {r:.4f} (chosen on validation writers)</source>
        <translation>接受 ≤ {a:.4f}，拒绝 &gt; {r:.4f}（在验证集书写者上选定）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accept ≤ {a:.4f}, reject &gt; {r:.4f} for everyone with this model (Thresholds page); the figures measured here are at the card&apos;s own</source>
        <translation>对使用此模型的所有人：接受 ≤ {a:.4f}，拒绝 &gt; {r:.4f}（“阈值”页）；此处的测量数字是在模型卡自身的阈值下得出的</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score scaling</source>
        <translation>分数缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by the person&apos;s own reference spread (typical {s:.4f})</source>
        <translation>按该人员自身参考签名的离散程度（典型值 {s:.4f}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (plain distance)</source>
        <translation>无（直接使用距离）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sigverify version</source>
        <translation>sigverify 版本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep a person in the loop: treat “accept” as “looks consistent”.</source>
        <translation>请始终由人工把关：把“接受”理解为“看起来一致”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Measured on test writers (never seen in training)</source>
        <translation>在测试书写者上测得（训练中从未见过）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+147"/>
        <source>references</source>
        <translation>参考签名数</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>EER</source>
        <translation>EER</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+147"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="-146"/>
        <location line="+147"/>
        <location line="+41"/>
        <source>FAR skilled</source>
        <translation>FAR（熟练伪造）</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>FAR random</source>
        <translation>FAR（随机伪造）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+146"/>
        <location line="+40"/>
        <source>FRR</source>
        <translation>FRR</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>writers</source>
        <translation>书写者数</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Trained on</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(train / validation / test writers)</source>
        <translation>（训练 / 验证集 / 测试书写者）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signatures drawn on a pad: {n} samples of position, speed, direction, curvature and pressure each</source>
        <translation>手写板上签的签名：每个签名 {n} 个采样点，各含位置、速度、方向、曲率和压力</translation>
    </message>
    <message>
        <location line="+50"/>
        <source> (fitted with {model})</source>
        <translation>（拟合时用的是 {model}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>each score over its own threshold, averaged</source>
        <translation>各分数除以各自阈值后取平均</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../sigverify/gui/models_page.py" line="+183"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} {share:.0f} %</source>
        <translation>{what} {share:.0f}%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>each score over its own threshold, weighted ({shares})</source>
        <translation>各分数除以各自阈值后加权（{shares}）</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+19"/>
        <source>With the image model</source>
        <translation>与图像模型合并</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/models_page.py" line="-70"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{name} — {folder}</source>
        <translation>{name} — {folder}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>active for pad signatures</source>
        <translation>手写板签名使用中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>pen</source>
        <translation>笔迹</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/model_card_view.py" line="-46"/>
        <source>pen model</source>
        <translation>笔迹模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time warping</source>
        <translation>时间规整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>picture</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all together</source>
        <translation>全部合并</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not fitted with the active image model {active}{fitted}: the pen model&apos;s score and the picture&apos;s, each over its own threshold, averaged (time warping left out), and every acceptance of a signature drawn on a pad sent to review. Fit it with “sigverify models fuse” (README, Signatures drawn on a pad).</source>
        <translation>未与当前图像模型 {active} 拟合{fitted}：笔迹模型的分数和图像的分数各除以各自阈值后取平均（不使用时间规整），手写板上签名的每次“接受”都会转为复核。请用“sigverify models fuse”拟合（见 README“Signatures drawn on a pad”）。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Signatures drawn on a pad: test writers of {splits} trainings, {refs} references</source>
        <translation>手写板签名：{splits} 次训练的测试书写者，{refs} 个参考签名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EER {what}</source>
        <translation>EER（{what}）</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/models_page.py" line="+4"/>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/model_card_view.py" line="-62"/>
        <source>{how}: accept ≤ {a:.3f}, reject &gt; {r:.3f}</source>
        <translation>{how}：≤ {a:.3f} 接受，&gt; {r:.3f} 拒绝</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/models_page.py" line="+4"/>
        <source>{name} ({tags})</source>
        <translation>{name}（{tags}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Judges signatures drawn on a pad, with the image model.</source>
        <translation>与图像模型一起判定手写板上签的签名。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;p&gt;No model is installed. Import a model folder, or train one (Train page or &lt;tt&gt;sigverify train&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;尚未安装任何模型。请导入模型文件夹，或训练一个模型（在“训练”页面或使用 &lt;tt&gt;sigverify train&lt;/tt&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Activate {name}? Signatures drawn on a pad are judged with it from now on.</source>
        <translation>要启用 {name} 吗？此后在手写板上签的签名将用它判断。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activate {name}? Every check from now on uses it, and the stored references are measured again with it. People&apos;s own thresholds set for another model are not used with it.</source>
        <translation>要启用 {name} 吗？此后每次验证都使用它，已存储的参考签名会用它重新计算。为其他模型设置的个人阈值不会用于它。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+40"/>
        <source>Activate model</source>
        <translation>启用模型</translation>
    </message>
    <message>
        <location line="-224"/>
        <location line="+184"/>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>It measured worse than {active}, each on people it never saw: it lets {accepted} of skilled forgeries through ({active}: {active_accepted}) and refuses {refused} of genuine signatures ({active}: {active_refused}).</source>
        <translation>它的测量结果比 {active} 差（各自在从未见过的人身上测量）：它放行{accepted}的熟练伪造签名（{active}：{active_accepted}），拒识{refused}的真实签名（{active}：{active_refused}）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;Import model folder…</source>
        <translation>导入模型文件夹(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Activating {name}…</source>
        <translation>正在启用 {name}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activating {name}: re-measuring the stored references…</source>
        <translation>正在启用 {name}：重新计算已存储的参考签名…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelled: the previous model stays active.</source>
        <translation>已取消：继续使用原来的模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The switch waits for another supervisor&apos;s approval.</source>
        <translation>模型切换正在等待另一位主管批准。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is now active.</source>
        <translation>{name} 已启用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The previous model stays active.</source>
        <translation>继续使用原来的模型。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported as “{name}”: a model named “{asked}” is on this page already.</source>
        <translation>已导入为“{name}”：此页上已有名为“{asked}”的模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported {name}.</source>
        <translation>已导入 {name}。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The model “{name}” was imported, but the audit log could not be written: {error}</source>
        <translation>模型“{name}”已导入，但无法写入审计日志：{error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model “{name}” was deleted, but the audit log could not be written: {error}</source>
        <translation>模型“{name}”已删除，但无法写入审计日志：{error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Delete the model “{name}” from this computer?</source>
        <translation>要从这台计算机上删除模型“{name}”吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/model_card_view.py" line="+15"/>
        <source>Mean over {splits} trainings, each tested on its own unseen writers</source>
        <translation>{splits} 次训练的平均值，每次都在未见过的书写者上测试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>EER (95 % interval)</source>
        <translation>EER（95% 区间）</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/options_page.py" line="+44"/>
        <source>Split and options</source>
        <translation>划分与选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People are split so that nobody&apos;s signatures are in two parts: the model is tested on people it never saw.</source>
        <translation>按人员划分数据，同一人的签名不会出现在两个部分中：模型在从未见过的人员上进行测试。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CNN (SigNet family, recommended)</source>
        <translation>CNN（SigNet 系列，推荐）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TDNN (reads the signature as a sequence)</source>
        <translation>TDNN（将签名作为序列读取）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contrastive</source>
        <translation>对比损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triplet</source>
        <translation>三元组损失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>150 × 220 (default)</source>
        <translation>150 × 220（默认）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 × 150 (faster)</source>
        <translation>100 × 150（更快）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+168"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>From scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tune the active model</source>
        <translation>微调当前模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recommended settings</source>
        <translation>推荐设置(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the split and options back to what sigverify recommends</source>
        <translation>将划分和选项恢复为 sigverify 推荐的设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation people</source>
        <translation>验证集人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test people</source>
        <translation>测试集人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>训练方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>预计用时</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Start &amp;training</source>
        <translation>开始训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GPU: {name}</source>
        <translation>GPU：{name}</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>People for training: {train}, for validation: {val}, for testing: {test}</source>
        <translation>用于训练的人数：{train}，用于验证：{val}，用于测试：{test}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>At most about {time} on this computer ({where}); training stops earlier when the validation people stop improving.</source>
        <translation>在本机（{where}）上最多约需 {time}；验证集人员的结果不再改善时，训练会提前停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Train again?</source>
        <translation>重新训练？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A model was trained already (best epoch {epoch}, validation EER {eer}). Train a new one with these settings, dropping it, or keep it (the settings changed here are then not used)?</source>
        <translation>已经训练出一个模型（最佳轮次 {epoch}，验证 EER {eer}）。要用这些设置训练新模型并舍弃它，还是保留它（那样此处更改的设置不会使用）？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Train again</source>
        <translation>重新训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep the trained model</source>
        <translation>保留已训练的模型(&amp;K)</translation>
    </message>
</context>
<context>
    <name>PendingSignatures</name>
    <message>
        <location filename="../../sigverify/gui/pending_signatures.py" line="+54"/>
        <source>Add references</source>
        <translation>添加参考签名</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select one and press Delete to leave it out</source>
        <translation>选中一个签名后按 Delete 键即可将其排除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Leave out</source>
        <translation>排除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the selected signature out of this enrolment (Delete)</source>
        <translation>不将所选签名纳入本次登记（Delete）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+73"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>Drop the %n signature(s) waiting to be enrolled?</source>
        <translation>
            <numerusform>要舍弃等待登记的 %n 个签名吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Drop</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../sigverify/gui/people_page.py" line="+73"/>
        <source>Search by id or name…</source>
        <translation>按 ID、姓名或拼音搜索…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+269"/>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>Enrol someone new (Ctrl+N)</source>
        <translation>登记新人员（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Only the first {shown} are listed: type a part of an ID or name to find the others.</source>
        <translation>只列出了前 {shown} 人：输入 ID 或姓名的一部分即可找到其他人。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nobody found for “{text}”.
Press Enter to enrol a new person named “{text}”.</source>
        <translation>没有找到“{text}”。
按 Enter 登记一位名为“{text}”的新人员。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name or note of {id} was changed. Save the changes?</source>
        <translation>{id} 的姓名或备注已更改。是否保存更改？</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;Drop</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>&amp;Delete person…</source>
        <translation>删除人员(&amp;D)…</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Nobody found for “{text}”.
Press Enter to enrol “{text}” as a new person.</source>
        <translation>没有找到“{text}”。
按 Enter 将“{text}”登记为新人员。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Nobody is enrolled yet.
Press Ctrl+N to enrol the first person.</source>
        <translation>还没有登记任何人员。
按 Ctrl+N 登记第一位人员。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>New person not enrolled</source>
        <translation>新人员尚未登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new person&apos;s ID, name and note are kept only when their signatures are enrolled. Drop what was typed?</source>
        <translation>新人员的编号、姓名和备注只有在登记其签名后才会保存。放弃已输入的内容？</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Name and note saved.</source>
        <translation>姓名和备注已保存。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removing “{file}” from {id}&apos;s references waits for another supervisor&apos;s approval.</source>
        <translation>从 {id} 的参考签名中移除“{file}”需等待另一位主管批准。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removed “{file}” from {id}&apos;s references.</source>
        <translation>已从 {id} 的参考签名中移除“{file}”。</translation>
    </message>
    <message numerus="yes">
        <location line="-235"/>
        <source>{label}
%n reference(s)</source>
        <translation>
            <numerusform>{label}
%n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="+131"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PersonBox</name>
    <message>
        <location filename="../../sigverify/gui/person_box.py" line="+42"/>
        <source>Type an id or name…</source>
        <translation>输入 ID、姓名或拼音…</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>{id} has no reference signatures yet: enrol some on the People page.</source>
        <translation>{id} 还没有参考签名：请先在“人员”页面登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody enrolled has the ID or name “{text}”: check it, or enrol them on the People page.</source>
        <translation>没有已登记人员的编号或姓名为“{text}”：请检查输入，或在“人员”页登记此人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Enter to choose {person}.</source>
        <translation>按回车键选择 {person}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} people match “{text}”: type more of the name or the ID, or choose one in the list (Down).</source>
        <translation>有 {n} 人与“{text}”相符：请多输入一些姓名或编号，或在列表中选择（向下键）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One person matches “{text}”: choose them in the list (Down, then Enter), or type their whole ID.</source>
        <translation>有一人与“{text}”相符：请在列表中选择（按向下键，再按回车），或输入其完整 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the person the signature claims to be.</source>
        <translation>请选择该签名声称所属的人员。</translation>
    </message>
</context>
<context>
    <name>PersonCards</name>
    <message>
        <location filename="../../sigverify/gui/person_cards.py" line="+40"/>
        <source>Enrol a person from a card saved at another desk (Export card…)</source>
        <translation>从另一台工作站保存的人员卡登记人员（导出人员卡…）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save this person&apos;s references, name, note and thresholds in one file</source>
        <translation>将此人的参考签名、姓名、备注和阈值保存到一个文件中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Person cards</source>
        <translation>人员卡</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export person card</source>
        <translation>导出人员卡</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+34"/>
        <location line="+22"/>
        <location line="+99"/>
        <source>Import person card</source>
        <translation>导入人员卡</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>ID already enrolled</source>
        <translation>ID 已登记</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>&amp;Import card…</source>
        <translation>导入人员卡(&amp;I)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xport card…</source>
        <translation>导出人员卡(&amp;X)…</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving {person}&apos;s card…</source>
        <translation>正在保存 {person} 的人员卡…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{person}&apos;s card is saved as {file}, protected by the passphrase: importing it asks for it.</source>
        <translation>{person} 的人员卡已保存为 {file}，受口令保护：导入时需要输入口令。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{person}&apos;s card is saved as {file}, without a passphrase: anyone holding the file can see the signatures.</source>
        <translation>{person} 的人员卡已保存为 {file}，未设口令：任何拿到该文件的人都能看到这些签名。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Opening {file}…</source>
        <translation>正在打开 {file}…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Type an ID for {card} in this store:</source>
        <translation>请为 {card} 输入在此存储中使用的 ID：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{here} is already enrolled here. Type another ID in this store for the card&apos;s person:</source>
        <translation>{here} 已在此登记。请为人员卡中的人员输入在此存储中使用的另一个 ID：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{here} is already enrolled here. Type another ID in this store for the card&apos;s person, {card}:</source>
        <translation>{here} 已在此登记。请为人员卡中的 {card} 输入在此存储中使用的另一个 ID：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{typed}” is taken too: {here} has it. Another ID for {card}:</source>
        <translation>“{typed}”也已被占用：{here} 使用此 ID。请为 {card} 输入另一个 ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{typed}” is taken too: {here} has it (IDs differing only in capitals are the same ID). Another ID for {card}:</source>
        <translation>“{typed}”也已被占用：{here} 使用此 ID（仅大小写不同的 ID 视为同一 ID）。请为 {card} 输入另一个 ID：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importing {id}…</source>
        <translation>正在导入 {id}…</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Imported {person} with %n reference(s) from {file}.</source>
        <translation>
            <numerusform>已从 {file} 导入 {person}，共 %n 个参考签名。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their own thresholds wait for another supervisor&apos;s approval.</source>
        <translation>其个人阈值正在等待另一位主管批准。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A reference looks different</source>
        <translation>有参考签名与其他签名差异较大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message}

Import anyway? Cancel imports nothing.</source>
        <translation>{message}

仍然导入吗？选择“取消”则不导入任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import anyway</source>
        <translation>仍然导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>PersonDeletion</name>
    <message>
        <location filename="../../sigverify/gui/person_deletion.py" line="+33"/>
        <source>Ask for {id} and all their reference signatures to be deleted? Nothing is deleted until another supervisor approves it.</source>
        <translation>申请删除 {id} 及其所有参考签名？在另一位主管批准之前不会删除任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete {id} and all their reference signatures? This cannot be undone (the audit log keeps a record).</source>
        <translation>要删除 {id} 及其所有参考签名吗？此操作无法撤销（审计日志会保留记录）。</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>The %n signature(s) added and not enrolled will be dropped too.</source>
        <translation>
            <numerusform>已添加但尚未登记的 %n 个签名也将一并舍弃。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{person} and their reference signatures are deleted; the audit log keeps a record.</source>
        <translation>{person}及其参考签名已删除；审计日志保留了记录。</translation>
    </message>
</context>
<context>
    <name>PersonDetails</name>
    <message>
        <location filename="../../sigverify/gui/person_details.py" line="+36"/>
        <source>&amp;Verify a signature</source>
        <translation>验证签名(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a signature against this person&apos;s references on the Verify page</source>
        <translation>在“验证”页面将一个签名与此人的参考签名比对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. customer or patient number</source>
        <translation>例如客户号或病历号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save name and note</source>
        <translation>保存姓名和备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the changed name and note of this person (audited)</source>
        <translation>保存对此人员姓名和备注的修改（记入审计日志）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>An enrolled person&apos;s ID cannot be changed.</source>
        <translation>已登记人员的编号不能更改。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Own thresholds: accept at or below {accept}, reject above {reject} (the Thresholds page sets them).</source>
        <translation>个人阈值：不高于 {accept} 接受，高于 {reject} 拒绝（在“阈值”页设置）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Own thresholds {accept} / {reject}, set for the model {model}: not used with the active model (the Thresholds page sets them for it).</source>
        <translation>个人阈值 {accept} / {reject} 是为模型 {model} 设置的：当前模型不使用它们（可在“阈值”页为当前模型设置）。</translation>
    </message>
</context>
<context>
    <name>PersonThresholds</name>
    <message>
        <location filename="../../sigverify/gui/person_thresholds.py" line="+158"/>
        <source>Apply to this person</source>
        <translation>应用于此人员</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{id} now has their own thresholds ({accept:.4f} / {reject:.4f}), used with the model “{model}” only.</source>
        <translation>{id} 现已使用个人阈值（{accept:.4f} / {reject:.4f}），仅用于模型“{model}”。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Use everyone&apos;s for them</source>
        <translation>改用所有人的阈值</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>The chosen person&apos;s own thresholds are removed: they use everyone&apos;s again</source>
        <translation>删除所选人员的个人阈值，让其重新使用所有人的阈值</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Apply to t&amp;his person</source>
        <translation>应用于此人员(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use everyone&apos;s for &amp;them</source>
        <translation>改用所有人的阈值(&amp;T)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Has their own: {accept} / {reject}, shown above.</source>
        <translation>有个人阈值：{accept} / {reject}，已显示在上方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Has their own: {accept} / {reject}.</source>
        <translation>有个人阈值：{accept} / {reject}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uses the thresholds for everyone.</source>
        <translation>使用适用于所有人的阈值。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choose the person first: type their id or name, or pick them.</source>
        <translation>请先选择人员：输入其编号或姓名，或从列表中选择。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Give {person} their own thresholds, accept {accept:.4f} and reject {reject:.4f}, used with the model “{model}” only? The change is written to the audit log.</source>
        <translation>要为 {person} 设置个人阈值（接受 {accept:.4f}，拒绝 {reject:.4f}），仅用于模型“{model}”吗？此更改会写入审计日志。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>It replaces their {accept} / {reject}.</source>
        <translation>它将替换其原有的 {accept} / {reject}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{person}: remove their own thresholds ({accept} / {reject}), so that the thresholds for everyone apply to them? The change is written to the audit log.</source>
        <translation>{person}：删除其个人阈值（{accept} / {reject}），让其改用所有人的阈值？此更改会记入审计日志。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{id} uses the thresholds for everyone again.</source>
        <translation>{id} 已重新使用所有人的阈值。</translation>
    </message>
</context>
<context>
    <name>PresetChooser</name>
    <message>
        <location filename="../../sigverify/gui/preset_chooser.py" line="+33"/>
        <source>No preset (move the thresholds by hand)</source>
        <translation>无预设（手动拖动阈值）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let through at most {target} of skilled forgeries</source>
        <translation>熟练伪造签名最多放行 {target}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sets the accept threshold so that at most this share of skilled forgeries is accepted, and the reject threshold so that at most the same share of genuine signatures is rejected; the rest goes to review.</source>
        <translation>设置接受阈值，使被接受的熟练伪造签名最多占此比例；设置拒绝阈值，使被拒绝的真实签名最多占同一比例；其余送人工复核。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>⚠ Only {count} skilled forgeries were measured: a rate of {target} needs {needed} or more to be estimated, so the real rate may be higher.</source>
        <translation>⚠ 仅测量了 {count} 个熟练伪造签名：估计 {target} 的比率需要 {needed} 个或更多，实际比率可能更高。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ Only {count} genuine signatures were measured: the share rejected is estimated roughly ({needed} or more are needed for {target}).</source>
        <translation>⚠ 仅测量了 {count} 个真实签名：被拒绝的比例只是粗略估计（{target} 需要 {needed} 个或更多）。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../sigverify/gui/language.py" line="+82"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-6"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueAdding</name>
    <message>
        <location filename="../../sigverify/gui/queue_adding.py" line="+41"/>
        <source>Folder of signatures</source>
        <translation>签名文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List of signatures</source>
        <translation>签名列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>None of the %n signature(s) could be added to the queue, all for this reason:

{why}</source>
        <translation>
            <numerusform>%n 个签名都无法加入队列，原因相同：

{why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>None of the %n signature(s) could be added to the queue. “{file}”: {why}</source>
        <translation>
            <numerusform>%n 个签名都无法加入队列。“{file}”：{why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Nothing new: %n signature(s) already in the queue.</source>
        <translation>
            <numerusform>没有新项目：%n 个签名已在队列中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new item(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个新项目。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already in the queue.</source>
        <translation>
            <numerusform>%n 个已在队列中。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder “{folder}” is taken as {person}&apos;s own.</source>
        <translation>文件夹“{folder}”视为 {person} 本人的文件夹。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n row(s) skipped: {why}</source>
        <translation>
            <numerusform>跳过 %n 行：{why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Not pictures, so left out: %n file(s) ({names}).</source>
        <translation>
            <numerusform>%n 个文件不是图片，未加入（{names}）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../sigverify/gui/queue_page.py" line="+62"/>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder holding one folder per person id, with their signatures inside (Ctrl+O)</source>
        <translation>文件夹中每个人员编号一个子文件夹，里面放其签名（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the items not checked yet, and again those that could not be checked</source>
        <translation>验证尚未验证的项目，并重新验证之前无法验证的项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All items</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a clerk</source>
        <translation>等待柜员处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+220"/>
        <source>Could not be checked</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>Settled by a clerk</source>
        <translation>柜员已处理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save summary…</source>
        <translation>保存汇总…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New queue…</source>
        <translation>新建队列…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine</source>
        <translation>系统结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The queue is empty. Add a folder (Ctrl+O) holding one folder per person, named by their ID, with the signatures to check inside (for example C-1042/cheque.png), or a CSV list with a “person” and an “image” column (Alt+L); or drop either here.</source>
        <translation>队列为空。请添加一个文件夹（Ctrl+O），其中每人一个以其 ID 命名的子文件夹，内含待核验的签名（例如 C-1042/cheque.png）；或添加包含“person”和“image”两列的 CSV 列表（Alt+L）；也可以把二者直接拖到这里。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n item(s) not checked yet, and {again} that could not be checked: press Check.</source>
        <translation>
            <numerusform>%n 项尚未验证，另有 {again} 项此前无法验证：请按“验证”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n item(s) not checked yet: press Check.</source>
        <translation>
            <numerusform>%n 项尚未验证：请按“验证”。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing under “{filter}”: choose another in Show (Alt+S).</source>
        <translation>“{filter}”下没有项目：请在“显示”(Alt+S) 中选择其他类别。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The machine&apos;s rejection stands</source>
        <translation>维持系统的拒绝结论</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Open on the Verify page</source>
        <translation>在验证页面打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the signature beside the references (Enter)</source>
        <translation>与参考签名并排查看（Enter）</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n item(s) in the queue; {waiting} waiting for a clerk. Drop a folder or a CSV list here to add more.</source>
        <translation>
            <numerusform>队列中有 %n 项；{waiting} 项等待柜员处理。把文件夹或 CSV 列表拖到这里即可添加。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Reject it; say why in the comment</source>
        <translation>拒绝；请在备注中说明理由</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Check %n item(s) again</source>
        <translation>
            <numerusform>重新验证 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Check %n item(s)</source>
        <translation>
            <numerusform>验证 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Still waiting for a clerk: %n item(s). Empty the queue anyway? The audit log keeps every decision.</source>
        <translation>
            <numerusform>仍有 %n 项等待柜员处理。仍要清空队列吗？审计日志会保留所有结论。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-265"/>
        <source>Add a &amp;list…</source>
        <translation>添加列表(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV file with a “person” and an “image” column (Alt+L)</source>
        <translation>包含“person”和“image”两列的 CSV 文件（Alt+L）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Every item&apos;s outcome on A4 pages, as PDF (Ctrl+Shift+S)</source>
        <translation>把每一项的结果保存为 A4 页面的 PDF（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Settled: {decision} (audit entry #{id}).</source>
        <translation>已处理：{decision}（审计日志第 {id} 条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept or reject it yourself with a comment, or check it again.</source>
        <translation>请附上备注自行接受或拒绝，或重新验证。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Empty the queue and start a new one? The audit log keeps every decision.</source>
        <translation>清空队列并新建？审计日志会保留所有结论。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New queue</source>
        <translation>新建队列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty the queue</source>
        <translation>清空队列</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The queue&apos;s folder “{folder}” cannot be written ({error}).</source>
        <translation>无法写入队列文件夹“{folder}”（{error}）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/queued_result.py" line="+69"/>
        <source>From the queue: recorded as audit entry #{id}.</source>
        <translation>来自队列：已记录为审计日志第 {id} 条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clerk&apos;s decision: {decision} by {operator} (audit entry #{id}).</source>
        <translation>柜员结论：{operator} {decision}（审计日志第 {id} 条）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The queue recorded “{then}” for this signature (audit entry #{id}); checked again now it gives “{now}”. Record this one if it is the answer you stand by.</source>
        <translation>队列曾为此签名记录“{then}”（审计日志第 {id} 条）；现在重新验证得到“{now}”。如果这是您认可的结论，请记录此结果。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Its queue item is settled with it: {decision} (audit entry #{id}).</source>
        <translation>其队列项已据此处理：{decision}（审计日志第 {id} 条）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/queue_table.py" line="+53"/>
        <source>{name}: {said}</source>
        <translation>{name}：{said}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not checked yet</source>
        <translation>尚未验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>RecordStatus</name>
    <message>
        <location filename="../../sigverify/gui/record_status.py" line="+32"/>
        <source>The thresholds for {person} have changed since this check: Verify again (Ctrl+Enter) for the answer on the new ones, or record this one as it was made.</source>
        <translation>{person} 的阈值在这次核验之后已更改：再次验证（Ctrl+Enter）可得到按新阈值的结论，或按当时的结论记录这一条。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Recorded in the audit log as entry #{id}.</source>
        <translation>已记录为审计日志第 {id} 条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not recorded, as you chose.</source>
        <translation>按您的选择，未记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made with {model}, which is no longer the active model.</source>
        <translation>由 {model} 得出，该模型已不是当前模型。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The thresholds for {person} have changed since.</source>
        <translation>{person} 的阈值此后已更改。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This result is for {person} and the signature checked then, not the one on screen: press Verify to check this one.</source>
        <translation>此结果针对的是 {person} 及当时验证的签名，而不是屏幕上的这个签名：请按“验证”核对这个签名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This result is {person}&apos;s, recorded in the audit log as entry #{id}.</source>
        <translation>此结果属于 {person}，已记录为审计日志第 {id} 条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This result is {person}&apos;s, not recorded, as you chose.</source>
        <translation>此结果属于 {person}，按您的选择未记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This result is {person}&apos;s and is not recorded yet: choose {person} again to record it.</source>
        <translation>此结果属于 {person}，尚未记录：再次选择 {person} 即可记录。</translation>
    </message>
</context>
<context>
    <name>ReferencesPanel</name>
    <message>
        <location filename="../../sigverify/gui/references_panel.py" line="+130"/>
        <source>Reference signatures</source>
        <translation>参考签名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove reference…</source>
        <translation>移除参考签名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the reference chosen in the list (Delete)</source>
        <translation>移除列表中选中的参考签名（Delete）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Point at a reference to see it</source>
        <translation>将鼠标指向参考签名即可查看</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>As enrolled</source>
        <translation>登记原图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the model sees</source>
        <translation>模型处理后</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{file}
enrolled {at} by {who}</source>
        <translation>{file}
由 {who} 于 {at} 登记</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a reference first.</source>
        <translation>请先选择一个参考签名。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>It is their last reference: their signatures cannot be checked until references are added again.</source>
        <translation>这是其最后一个参考签名：在重新添加参考签名之前，无法核验其签名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove reference</source>
        <translation>移除参考签名</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Ask for “{file}” to be removed from the references of {person}? It stays until another supervisor approves it.</source>
        <translation>申请从 {person} 的参考签名中移除“{file}”？在另一位主管批准之前它会保留。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove “{file}” from the references of {person}?</source>
        <translation>要从 {person} 的参考签名中移除“{file}”吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../sigverify/gui/report_actions.py" line="+135"/>
        <location line="+10"/>
        <source>Recorded as audit entry #{id}; report saved to {path}.</source>
        <translation>已记录为审计日志第 {id} 条；报告已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded as audit entry #{id}; report sent to the printer.</source>
        <translation>已记录为审计日志第 {id} 条；报告已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>ResultRecording</name>
    <message>
        <location filename="../../sigverify/gui/result_recording.py" line="+55"/>
        <source>Result not recorded</source>
        <translation>结果未记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result for {person} ({decision}) has not been recorded in the audit log. Record it before {before}?</source>
        <translation>{person} 的验证结果（{decision}）尚未记入审计日志。是否在{before}前先记录？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record it</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Do not record</source>
        <translation>不记录(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ResultSummary</name>
    <message>
        <location filename="../../sigverify/gui/result_summary.py" line="+52"/>
        <source>The answer and its score show here after Verify.</source>
        <translation>点击“验证”后，结果和分数显示在这里。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>likely genuine</source>
        <translation>很可能是真实签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>likely not genuine</source>
        <translation>很可能不是真实签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain: compare with the references</source>
        <translation>不确定：请与参考签名比对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the same image as one of the references</source>
        <translation>与某个参考签名是同一张图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score {score:.0f} % — {likely} (distance {distance:.4f})</source>
        <translation>分数 {score:.0f}% — {likely}（距离 {distance:.4f}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score {score:.0f} % — {likely} (pen and picture together: {fused:.3f} times their thresholds)</source>
        <translation>分数 {score:.0f}% — {likely}（笔迹与图像合并：为其阈值的 {fused:.3f} 倍）</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>&lt;b&gt;{file}&lt;/b&gt; checked against %n reference(s) of &lt;b&gt;{person}&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt; 已与 &lt;b&gt;{person}&lt;/b&gt; 的 %n 个参考签名比对</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature</source>
        <translation>该签名</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{subject}, by the image model {model} and the pen model {pen}</source>
        <translation>{subject}，由图像模型 {model} 和笔迹模型 {pen} 判⁠断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{subject}, by the model {model}</source>
        <translation>{subject}，由模型 {model} 判⁠断</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/save_page.py" line="+32"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model is added to the Models page. The previous model stays there, so you can go back to it.</source>
        <translation>模型将添加到“模型”页面。之前的模型仍保留在那里，可以随时切换回去。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Use it from now on (activate)</source>
        <translation>从现在起使用它（启用）(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saving the model…</source>
        <translation>正在保存模型…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A model named “{name}” is on the Models page already: choose another name, so that results and the audit log tell the two apart.</source>
        <translation>“模型”页上已有名为“{name}”的模型：请另选一个名称，以便结果和审计日志能区分这两个模型。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Activate a model that is not better?</source>
        <translation>启用一个并不更好的模型？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the test people the new model was not better than the active one (EER {new} against {old}). Activate it anyway? Every verification would use it from now on. Untick “activate” to save it without using it.</source>
        <translation>在测试人员上，新模型并不比当前使用的模型更好（EER {new}，对比 {old}）。仍要启用吗？从现在起每次验证都会使用它。取消勾选“启用”即可只保存而不使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Activate anyway</source>
        <translation>仍然启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ScoreSource</name>
    <message>
        <location filename="../../sigverify/gui/score_source.py" line="+47"/>
        <source>Validation writers of the active model</source>
        <translation>当前模型的验证集书写者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures in a data folder…</source>
        <translation>数据文件夹中的签名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures drawn on a pad: pen and picture together</source>
        <translation>手写板签名：笔迹与图像合并</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No pen model with fused validation scores is active. Fit one with “sigverify models fuse” and activate it on the Models page.</source>
        <translation>没有已启用且带合并验证分数的笔迹模型。请用“sigverify models fuse”拟合，并在“模型”页启用。</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Pen model, time warping and picture together (each over its own threshold, weighted as the pen model&apos;s card says) for the pen model&apos;s validation writers, %n pad reference(s) each. The thresholds below decide signatures drawn on a pad.</source>
        <translation>
            <numerusform>笔迹模型、时间规整与图像合并后的分数（各除以自身阈值后，按笔迹模型说明卡上的权重加权），来自笔迹模型的验证书写者，每人 %n 个手写板参考签名。下面的阈值用于判定手写板上签的签名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Pen model, time warping and picture together (each over its own threshold, averaged) for the pen model&apos;s validation writers, %n pad reference(s) each. The thresholds below decide signatures drawn on a pad.</source>
        <translation>
            <numerusform>笔迹模型、时间规整与图像合并后的分数（各除以自身阈值后取平均），来自笔迹模型的验证书写者，每人 %n 个手写板参考签名。下面的阈值用于判定手写板上签的签名。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>⚠ These were measured with the image model the pen model was fitted with, not with {active}: with it, every signature drawn on a pad that would be accepted goes to review until the pen model is fitted again (“sigverify models fuse”).</source>
        <translation>⚠ 这些分数是用笔迹模型拟合时所用的图像模型测得的，而不是 {active}：使用该模型时，在笔迹模型重新拟合（“sigverify models fuse”）之前，手写板上签的签名凡会被接受的都转为复核。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The band set for pad drawings was set before the pen model was fitted again, on the scores of that fitting: it is not used, and the pen model&apos;s own band decides until a band is set for this one.</source>
        <translation>为手写板签名设定的阈值带是在笔迹模型重新拟合之前、依据当时的分数设定的：现已不再使用，在为本次拟合重新设定之前，由笔迹模型自带的阈值带决定。</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Distances of validation writers (never used for training), %n reference(s) each. The figures under About and Models were measured on other people, the test writers, so they differ somewhat.</source>
        <translation>
            <numerusform>验证集书写者（从未用于训练）的距离，每人 %n 个参考签名。“关于”和“模型”中的数字是在另一批人（测试书写者）上测得的，因此略有不同。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>“{folder}”:</source>
        <translation>“{folder}”：</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n writer(s),</source>
        <translation>
            <numerusform>%n 名书写者，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n reference(s) each.</source>
        <translation>
            <numerusform>每人 %n 个参考签名。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-50"/>
        <source>This model has no saved validation distances. Choose a data folder with genuine signatures and forgeries instead.</source>
        <translation>此模型没有保存验证距离。请改为选择一个包含真实签名和伪造签名的数据文件夹。</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>&amp;Distances from</source>
        <translation>距离数据来源(&amp;D)</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Folder of genuine signatures and forgeries</source>
        <translation>包含真实签名和伪造签名的文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading and measuring the signatures…</source>
        <translation>正在读取并测量签名…</translation>
    </message>
</context>
<context>
    <name>Settling</name>
    <message>
        <location filename="../../sigverify/gui/queue_settling.py" line="+71"/>
        <source>Being checked again: settle it once the check is done</source>
        <translation>正在重新验证：请在验证结束后再处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To accept it after all, say why here, then Alt+A</source>
        <translation>如要改为接受，请在此说明原因，然后按 Alt+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To reject it anyway, say why here, then Alt+R</source>
        <translation>如仍要拒绝，请在此写明理由，然后按 Alt+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settled ({decision}): to decide again, say why here</source>
        <translation>已处理（{decision}）：如要重新决定，请在此写明理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why you accept or reject it (needed), then Alt+A or Alt+R</source>
        <translation>写明接受或拒绝的理由（必填），然后按 Alt+A 或 Alt+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you checked (needed), then Alt+A or Alt+R</source>
        <translation>写明您核对了什么（必填），然后按 Alt+A 或 Alt+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+R confirms the rejection; to accept, say why here, then Alt+A</source>
        <translation>Alt+R 确认拒绝；如要接受，请在此写明理由，然后按 Alt+A</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>{file} ({person}) is settled already: {word}. Record “{new}” now? The audit log keeps both.</source>
        <translation>{file}（{person}）已处理：{word}。现在记录“{new}”吗？审计日志会同时保留两者。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Decide again</source>
        <translation>重新决定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Record it</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was checked for {file} ({person}): {why} Accept it on your own judgement? The audit log keeps your comment.</source>
        <translation>{file}（{person}）未经任何比对：{why}要凭您自己的判断接受它吗？审计日志会保留您的备注。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept without a check?</source>
        <translation>不经比对就接受？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The machine rejected {file} as {person}&apos;s signature (score {score}). Accept it?</source>
        <translation>机器已将 {file} 作为 {person} 的签名拒绝（得分 {score}）。仍要接受吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept a rejected signature</source>
        <translation>接受被拒绝的签名</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SignatureDropArea</name>
    <message>
        <location filename="../../sigverify/gui/signature_input.py" line="+136"/>
        <source>Drop signature images here</source>
        <translation>将签名图像拖放到此处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop the signature to check here</source>
        <translation>将待验证的签名拖放到此处</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose image files (Ctrl+O)</source>
        <translation>选择图像文件（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste an image from the clipboard (Ctrl+V)</source>
        <translation>从剪贴板粘贴图像（Ctrl+V）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dra&amp;w…</source>
        <translation>手写(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign with a pen tablet or the mouse</source>
        <translation>使用手写板或鼠标签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop from page…</source>
        <translation>从页面裁剪…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the signature on a scanned or photographed document (Ctrl+Shift+O)</source>
        <translation>在扫描件或照片中的文档上框选签名（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“{name}” is waiting already: it is not added twice.</source>
        <translation>“{name}”已在等待中：不会重复添加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” is the same picture as “{same}”, waiting already: it is not added twice.</source>
        <translation>“{name}”与已在等待中的“{same}”是同一张图片：不会重复添加。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose reference signatures</source>
        <translation>选择参考签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the signature to check</source>
        <translation>选择待验证的签名</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose the scanned or photographed page</source>
        <translation>选择扫描件或照片页面</translation>
    </message>
</context>
<context>
    <name>StoreBackups</name>
    <message>
        <location filename="../../sigverify/gui/restore_at_start.py" line="+36"/>
        <source>{people}, {references} and the audit log up to entry #{entry}</source>
        <translation>{people}、{references}，以及截至第 {entry} 条的审计日志</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location filename="../../sigverify/gui/restore_question.py" line="+56"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../sigverify/gui/restore_question.py" line="+32"/>
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="+85"/>
        <source>This computer backs it up every day only once a folder is chosen for it (the store button&apos;s menu &gt; Back up every day to a folder…).</source>
        <translation>只有为本机选定文件夹后，本机才会每天备份它（存储按钮的菜单 &gt; 每天备份到一个文件夹…）。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>“{file}” waits to replace the store, but work was recorded after it was chosen: {entries}. The backup does not hold it: restored, the store would no longer have it (it would stay only in the store replaced, kept in the folder “replaced-stores”).

Cancel starts sigverify on the store as it is and asks again at the next start (while a restore waits, no daily backup is made).</source>
        <translation>“{file}”正等待替换存储，但选择它之后又记录了工作：{entries}。备份中没有这些记录：恢复后，存储中将不再有它们（它们只保留在被替换的存储中，存放在“replaced-stores”文件夹里）。

“取消”将以现有存储启动 sigverify，并在下次启动时再次询问（恢复等待期间不会进行每日备份）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/store_backups.py" line="+74"/>
        <source>&amp;Back up the store…</source>
        <translation>备份存储(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open another store at the next start…</source>
        <translation>下次启动时打开另一个存储(&amp;O)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A shared store is backed up on its server, by its administrator</source>
        <translation>共享存储由其管理员在服务器上备份</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Do not restore “{file}” at the next start</source>
        <translation>下次启动时不恢复“{file}”(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its menu opens another store at the next start.</source>
        <translation>其菜单可在下次启动时打开另一个存储。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the backup &amp;passphrase…</source>
        <translation>更改备份口令(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect backups with a &amp;passphrase…</source>
        <translation>用口令保护备份(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back it up, restore a backup, or open another store.</source>
        <translation>备份存储、从备份恢复，或打开另一个存储。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No daily backup on this computer.</source>
        <translation>本机未设置每日备份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backed up every day to {folder}.</source>
        <translation>每天备份到 {folder}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups are encrypted with a passphrase.</source>
        <translation>备份已用口令加密。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not in it yet: {kinds}.</source>
        <translation>尚未包含在其中：{kinds}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last backed up {time} to “{file}”.</source>
        <translation>上次备份于 {time}，备份到“{file}”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · restore waiting</source>
        <translation> · 等待恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{file}” replaces this store at the next start.</source>
        <translation>下次启动时将用“{file}”替换此存储。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · daily backup failed</source>
        <translation> · 每日备份失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · not backed up yet</source>
        <translation> · 尚未备份</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · last backup %n day(s) ago</source>
        <translation>
            <numerusform> · 上次备份在 %n 天前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sigverify backups</source>
        <translation>sigverify 备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back up the store</source>
        <translation>备份存储</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up the store to {file}…</source>
        <translation>正在将存储备份到 {file}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The store is backed up to {file}: {held}.</source>
        <translation>存储已备份到 {file}：{held}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is encrypted: restoring it asks for the passphrase.</source>
        <translation>备份已加密：恢复时需要输入口令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With it, the models it uses: {models}.</source>
        <translation>一并备份了它使用的模型：{models}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It is on the same disk as the store: if that disk fails, both are lost. Copy it to a USB stick or a network folder.</source>
        <translation>它与存储在同一磁盘上：该磁盘一旦损坏，两者都会丢失。请将它复制到 U 盘或网络文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep it away from this computer (a USB stick, a network folder): a backup on the same disk is lost with it.</source>
        <translation>请将它保存在本机以外的地方（U 盘、网络文件夹）：与存储在同一磁盘上的备份会随磁盘一起丢失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{button}” in the status bar &gt; Restore from a backup… puts it back.</source>
        <translation>通过状态栏中的“{button}” &gt; 从备份恢复… 可将其恢复。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup was cancelled: nothing was written.</source>
        <translation>备份已取消：未写入任何内容。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Every backup made from now on is encrypted with the backup key ID {key}, which this passphrase opens; restoring one asks for it. A backup that asks for its passphrase names its key&apos;s ID: that tells which passphrase it needs. Back up now, so that a backup with it exists.</source>
        <translation>今后制作的每个备份都用编号为 {key} 的备份密钥加密，此口令可以打开它；恢复备份时需要输入口令。备份在要求输入口令时会给出它的密钥编号：据此可知它需要哪个口令。请现在就备份一次，以便有一个用它加密的备份。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The backup made without a passphrase stays unencrypted: delete it once the new one is made.</source>
        <translation>未设口令时制作的那个备份仍未加密：新备份制作好后请删除它。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/restore_question.py" line="-44"/>
        <source>This store now holds {people} and its audit log reaches entry #{now}: entries #{first} to #{now} ({kinds}) will no longer be in it.</source>
        <translation>此存储目前有 {people}，审计日志截至第 {now} 条：第 {first} 至第 {now} 条记录（{kinds}）将不再在其中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This store now holds {people} and its audit log reaches entry #{now}: that entry ({kinds}) will no longer be in it.</source>
        <translation>此存储目前有 {people}，审计日志截至第 {now} 条：这条记录（{kinds}）将不再在其中。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backups stay encrypted with the passphrase in force on this computer (backup key ID {key}).</source>
        <translation>备份仍用本机正在使用的口令加密（备份密钥编号 {key}）。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>and %n more</source>
        <translation>
            <numerusform>等另外 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{person} with {references}</source>
        <translation>{person}：{references}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{person}: {now} → {then}</source>
        <translation>{person}：{now} → {then}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not in the backup, so no longer enrolled: {people}.</source>
        <translation>不在备份中，因此将不再登记：{people}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fewer references: {people}.</source>
        <translation>参考签名将减少：{people}。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/store_backups.py" line="-14"/>
        <source>Backups made before still open with the passphrase they were made under: keep it as long as you keep them.</source>
        <translation>之前制作的备份仍用制作时的口令打开：只要还保留这些备份，就要保留该口令。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Backups made without a passphrase (%n) stay unencrypted: delete them once the new one is made.</source>
        <translation>
            <numerusform>未设口令时制作的备份（%n 个）仍未加密：新备份完成后请删除它们。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/restore_at_start.py" line="-109"/>
        <location filename="../../sigverify/gui/store_backups.py" line="-93"/>
        <location line="+118"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/store_backups.py" line="-112"/>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/restore_question.py" line="-82"/>
        <source>“{file}” holds the store as it was on {made}: {held}.

sigverify replaces the store on this computer with it the next time it starts. Everything done since the backup was made is not in it; the store as it is now is kept in the folder “replaced-stores” beside it, nothing is deleted.</source>
        <translation>“{file}”保存的是 {made} 时的存储：{held}。

sigverify 下次启动时会用它替换本机的存储。备份之后所做的一切都不在其中；当前的存储会保留在旁边的“replaced-stores”文件夹中，不会删除任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{file}” holds the store as it was on {made}: {held}.

sigverify puts it in place of this computer&apos;s empty store the next time it starts.</source>
        <translation>“{file}”保存的是 {made} 时的存储：{held}。

sigverify 将在下次启动时用它取代本机的空存储。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/store_backups.py" line="+9"/>
        <source>&amp;Restore at the next start</source>
        <translation>下次启动时恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>sigverify will restore “{file}” the next time it starts: close it and start it again when you are ready.</source>
        <translation>sigverify 将在下次启动时恢复“{file}”：准备好后请关闭并重新启动它。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups made from now on are not encrypted. Backups made before still need their passphrase.</source>
        <translation>今后制作的备份不再加密。之前制作的备份仍需要各自的口令。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/restore_at_start.py" line="+12"/>
        <location filename="../../sigverify/gui/store_backups.py" line="+48"/>
        <source>The store stays as it is: no backup will be restored.</source>
        <translation>存储保持不变：不会恢复任何备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restoring the store from “{file}”…</source>
        <translation>正在从“{file}”恢复存储…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup waiting was not restored: {error}

The store is as it was; the backup is kept as {file}.</source>
        <translation>等待恢复的备份未能恢复：{error}

存储保持原样；该备份保留为 {file}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The store it replaced is kept in {folder}.</source>
        <translation>被替换的存储保留在 {folder}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Backups stay encrypted with the passphrase in force before the restore (backup key ID {key}), not the backup&apos;s own.</source>
        <translation>备份仍用恢复前正在使用的口令加密（备份密钥编号 {key}），而不是该备份自己的口令。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backups are encrypted with the passphrase set when the backup was made (backup key ID {key}).</source>
        <translation>备份用制作该备份时所设的口令加密（备份密钥编号 {key}）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>entry #{first} ({kinds})</source>
        <translation>第 {first} 条记录（{kinds}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entries #{first} to #{last} ({kinds})</source>
        <translation>第 {first} 至第 {last} 条记录（{kinds}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Restore all the same</source>
        <translation>仍然恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the store, do not restore</source>
        <translation>保留存储，不恢复(&amp;K)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the disk refused it: {reason}</source>
        <translation>磁盘拒绝了该操作：{reason}</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>The store is restored from “{file}”, made {made}: {held}.</source>
        <translation>存储已从“{file}”（创建于 {made}）恢复：{held}。</translation>
    </message>
</context>
<context>
    <name>SummarySaving</name>
    <message>
        <location filename="../../sigverify/gui/queue_summary.py" line="+25"/>
        <source>Save summary</source>
        <translation>保存汇总</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Summary saved to {path}.</source>
        <translation>汇总已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ThresholdGauge</name>
    <message>
        <location filename="../../sigverify/gui/threshold_widgets.py" line="+54"/>
        <source>accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>ThresholdsPage</name>
    <message>
        <location filename="../../sigverify/gui/thresholds_page.py" line="+90"/>
        <source>Thresholds (distance: smaller = more alike)</source>
        <translation>阈值（距离：越小越相似）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Use these thresholds for everyone without their own, with this model</source>
        <translation>对没有个人阈值的所有人员，在此模型下使用这些阈值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+252"/>
        <source>Show the thresholds in use again (the chosen person&apos;s own, or everyone&apos;s); nothing is written (Ctrl+Z)</source>
        <translation>重新显示正在使用的阈值（所选人员的个人阈值，或所有人的阈值）；不会写入任何内容（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Pre&amp;set</source>
        <translation>预设(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept at or below</source>
        <translation>小于或等于此值时接受(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject above</source>
        <translation>大于此值时拒绝(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply to &amp;everyone</source>
        <translation>应用于所有人(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back to the &amp;model&apos;s values</source>
        <translation>恢复为模型的默认值(&amp;M)</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Drawing the plots…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Distances to the references</source>
        <translation>与参考签名的距离</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>accept threshold</source>
        <translation>接受阈值</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>reject threshold</source>
        <translation>拒绝阈值</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+28"/>
        <source>Distance histogram</source>
        <translation>距离直方图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DET curve</source>
        <translation>DET 曲线</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Not in use yet: apply them to everyone.</source>
        <translation>尚未生效：请应用到所有人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in use yet: apply them to everyone or to one person.</source>
        <translation>尚未生效：请应用到所有人或某个人。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Put the thresholds in use before the last apply ({accept} / {reject}) back in the controls; nothing is written until you apply them (Ctrl+Z)</source>
        <translation>把上次应用之前使用的阈值（{accept} / {reject}）放回控件中；应用之前不会写入任何内容（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The thresholds in use before the last apply ({accept} / {reject}) are back in the controls.</source>
        <translation>上次应用之前使用的阈值（{accept} / {reject}）已放回控件中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The thresholds in use ({accept} / {reject}) are back in the controls.</source>
        <translation>使用中的阈值（{accept} / {reject}）已放回控件中。</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../../sigverify/gui/train_page.py" line="+21"/>
        <source>&lt;h2&gt;Train a model on your own signatures&lt;/h2&gt;&lt;p&gt;For technical users: with genuine signatures (and, if you have them, skilled forgeries) of many people, you can train a model that fits your documents, scanners and pens.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One folder per person, with &lt;tt&gt;genuine&lt;/tt&gt; and &lt;tt&gt;forged&lt;/tt&gt; sub-folders (CEDAR, SigComp2011 and BHSig260 folders also work).&lt;/li&gt;&lt;li&gt;The more people the better: 50 or more. Each needs at least 2 genuine signatures.&lt;/li&gt;&lt;li&gt;The wizard keeps some people apart to test the model, and compares it with the model in use before you switch.&lt;/li&gt;&lt;li&gt;Training uses the computer fully: verifications run between its steps, a little slower, and enrolments and other changes wait until it ends or is paused, so train when the desk is quiet.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;用您自己的签名训练模型&lt;/h2&gt;&lt;p&gt;面向技术用户：如果您有许多人员的真实签名（如有，还可加上熟练伪造签名），就可以训练出适合您的文件、扫描仪和书写笔的模型。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;每人一个文件夹，其中包含 &lt;tt&gt;genuine&lt;/tt&gt; 和 &lt;tt&gt;forged&lt;/tt&gt; 两个子文件夹（也支持 CEDAR、SigComp2011 和 BHSig260 的文件夹结构）。&lt;/li&gt;&lt;li&gt;人员越多越好：建议 50 人或以上。每人至少需要 2 个真实签名。&lt;/li&gt;&lt;li&gt;向导会单独留出一部分人员来测试模型，并在您切换之前将其与当前使用的模型进行比较。&lt;/li&gt;&lt;li&gt;训练会占满计算机资源：验证在训练步骤之间进行，会稍慢一些；登记和其他更改要等训练结束或暂停后才进行，因此请在柜台空闲时训练。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+56"/>
        <source>Start the training wizard…</source>
        <translation>启动训练向导…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Show the training wizard (open in its own window)</source>
        <translation>显示训练向导（已在单独的窗口中打开）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved “{name}”; the Models page says how activating it went.</source>
        <translation>已保存“{name}”；启用结果见“模型”页面。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved “{name}”; it is on the Models page.</source>
        <translation>已保存“{name}”，可在“模型”页面中找到。</translation>
    </message>
</context>
<context>
    <name>TrainWizard</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/__init__.py" line="+56"/>
        <source>Train a model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training is running. Stop it and quit sigverify? Nothing is saved to your models.</source>
        <translation>训练正在进行。要停止训练并退出 sigverify 吗？不会向您的模型中保存任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training is running. Stop it and close the wizard? Nothing is saved to your models.</source>
        <translation>训练正在进行。要停止训练并关闭向导吗？不会向您的模型中保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Stop and quit</source>
        <translation>停止并退出(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model not saved</source>
        <translation>模型未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model trained in the training wizard is not saved to your models. Quit sigverify and drop it?</source>
        <translation>训练向导中训练的模型尚未保存到您的模型中。要退出 sigverify 并舍弃它吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model trained here is not saved to your models. Close the wizard and drop it?</source>
        <translation>此处训练的模型尚未保存到您的模型中。要关闭向导并舍弃它吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Drop it</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Drop it and quit</source>
        <translation>舍弃并退出(&amp;D)</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../sigverify/gui/train_wizard/training_page.py" line="+36"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The window stays usable: verifications run between training steps, but enrolments and other changes wait until training ends or is paused, so train when the desk is quiet. Cancel training keeps the best model so far.</source>
        <translation>窗口仍可使用：验证会在训练步骤之间进行，但登记和其他更改要等训练结束或暂停，所以请在柜台空闲时训练。“取消训练”会保留目前最好的模型。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+97"/>
        <location line="+124"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>&amp;Cancel training</source>
        <translation>取消训练(&amp;C)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+130"/>
        <source>This epoch</source>
        <translation>本轮</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>In all</source>
        <translation>总进度</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Fine-tuning {model} ({loss} loss) into {out}</source>
        <translation>正在微调 {model}（{loss}损失），输出到 {out}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training a {encoder} model ({loss} loss) into {out}</source>
        <translation>正在训练 {encoder} 模型（{loss}损失），输出到 {out}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the training (Train page)</source>
        <translation>训练（“训练”页）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the signatures…</source>
        <translation>正在读取签名…</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+17"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>trying the best epoch with whitened embeddings</source>
        <translation>正在用白化的嵌入向量尝试最佳轮次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>measuring on the validation people</source>
        <translation>正在验证集人员上评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation EER {eer}</source>
        <translation>验证集 EER {eer}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the {part} signatures… {done} / {total}</source>
        <translation>正在读取{part}集签名… {done} / {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading</source>
        <translation>读取</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Measuring the model kept on the test people… {done} / {total}</source>
        <translation>正在用测试人员测量保留的模型… {done} / {total}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling: {stage}…</source>
        <translation>正在取消：{stage}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About {time} left</source>
        <translation>剩余约 {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epoch {epoch} of {epochs}: {message}</source>
        <translation>第 {epoch}/{epochs} 轮：{message}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paused at epoch {epoch} of {epochs}: Resume (Alt+R) goes on.</source>
        <translation>已在第 {epoch} 轮（共 {epochs} 轮）暂停：按“继续训练”（Alt+R）接着训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused: Resume (Alt+R) goes on.</source>
        <translation>已暂停：按“继续训练”（Alt+R）接着进行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>epoch {epoch}: loss {loss:.4f}, validation EER {eer}</source>
        <translation>第 {epoch} 轮：损失 {loss:.4f}，验证集 EER {eer}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Resume</source>
        <translation>继续训练(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Resumed.</source>
        <translation>已继续训练。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancelling: the best model so far is kept and measured…</source>
        <translation>正在取消：正在保留并测量目前最好的模型…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Training stopped before the first epoch ended: no model was saved. Go back to start again.</source>
        <translation>训练在第一轮结束前已停止：未保存任何模型。请返回重新开始。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kept: best epoch {epoch}, validation EER {eer}.</source>
        <translation>已保留：最佳轮次为第 {epoch} 轮，验证集 EER {eer}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done: best epoch {epoch}, validation EER {eer}.</source>
        <translation>完成：最佳轮次为第 {epoch} 轮，验证集 EER {eer}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its embeddings are whitened by the training people&apos;s own variation, which measured better on the validation people.</source>
        <translation>其嵌入向量已按训练集人员自身的签名差异进行白化，这样在验证集人员上的效果更好。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled after {run} of {epochs} epochs; the best model so far is kept.</source>
        <translation>在 {epochs} 轮中的第 {run} 轮后已取消；目前最好的模型已保留。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>skipped {path}: {message}</source>
        <translation>已跳过 {path}：{message}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing was trained. Go back to start again.</source>
        <translation>没有训练任何模型。请返回重新开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../sigverify/gui/verify_page.py" line="+77"/>
        <source>No signature yet</source>
        <translation>尚无签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the signature (Ctrl+Enter)</source>
        <translation>验证签名（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signature to check</source>
        <translation>待验证签名</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Comment for the record (optional)</source>
        <translation>随记录保存的备注（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record result</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the result and comment to the audit log (Ctrl+S)</source>
        <translation>将结果和备注写入审计日志（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the result (if it is not yet) and print its report (Ctrl+P)</source>
        <translation>记录结果（如尚未记录），并打印报告（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+9"/>
        <source>opening the next signature</source>
        <translation>打开下一个签名</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Record the result (if it is not yet) and save it on one A4 page as PDF (Ctrl+Shift+S)</source>
        <translation>记录结果（如尚未记录），并保存为一页 A4 的 PDF（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Co&amp;mment</source>
        <translation>备注(&amp;M)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The model is loading…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is enrolled yet: enrol people on the People page.</source>
        <translation>尚未登记任何人员：请先在“人员”页面登记。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drop, open, paste or draw the signature to check, or crop it from a page.</source>
        <translation>请拖入、打开、粘贴、手写待验证的签名，或从页面裁剪。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked: the answer is on the right. Ctrl+S records it and settles its queue item with it.</source>
        <translation>已验证：结果显示在右侧。按 Ctrl+S 记录，并据此处理其队列项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked: the answer is on the right. Ctrl+S records it.</source>
        <translation>已验证：结果显示在右侧。按 Ctrl+S 记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked: the answer is on the right.</source>
        <translation>已验证：结果在右侧。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This picture shows the whole paper the signature is on: pick the signature out of it with Crop from page… (Ctrl+Shift+O), or press Verify (Ctrl+Enter), which asks first.</source>
        <translation>这张图片包含签名所在的整张纸：请用“从页面裁剪…”（或按 Ctrl+Shift+O）选出签名，或点击“验证”（或按 Ctrl+Enter），验证前会先询问。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready: press Verify (Ctrl+Enter).</source>
        <translation>已就绪：请点击“验证”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Another person&apos;s signature?</source>
        <translation>是另一个人的签名吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This signature was opened or checked for {before}. Check it against {person}?</source>
        <translation>这个签名是为 {before} 打开或核对的。要将它与 {person} 核对吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Check against {person}</source>
        <translation>与 {person} 核对(&amp;C)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Crop from page…</source>
        <translation>从页面裁剪(&amp;C)…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checking… after a change asked for before it, which waits for {what} to end. Pausing or stopping it lets both run now.</source>
        <translation>正在检查… 排在之前要求的一项更改之后，而该更改要等{what}结束。暂停或停止它可让两者立即进行。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>checking {person}</source>
        <translation>验证 {person}</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>This signature was checked against {before}. To check {person}, drop, open or paste their signature; Verify (Ctrl+Enter) asks before checking this one against {person}.</source>
        <translation>这个签名已与 {before} 核对过。要核对 {person}，请拖入、打开或粘贴其签名；“验证”（Ctrl+Enter）会先询问，再将这个签名与 {person} 核对。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This signature was opened while {before} was chosen. To check {person}, drop, open or paste their signature; Verify (Ctrl+Enter) asks before checking this one against {person}.</source>
        <translation>这个签名是在选中 {before} 时打开的。要核对 {person}，请拖入、打开或粘贴其签名；“验证”（Ctrl+Enter）会先询问，再将这个签名与 {person} 核对。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>A picture of the whole paper</source>
        <translation>整张纸的图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This picture shows the whole paper the signature is on. Print, lines or other writing on it would be compared with the references too, and the answer would say little about the signature. Pick the signature out of it first? (A slip holding the signature alone can be checked as it is.)</source>
        <translation>这张图片包含签名所在的整张纸。纸上的印刷内容、线条或其他字迹也会与参考签名比较，结果难以说明签名本身。先从中选取签名吗？（只写有签名的小纸条可以直接验证。）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check it as it &amp;is</source>
        <translation>直接验证(&amp;I)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/report_actions.py" line="-97"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The printer could not be used.</source>
        <translation>无法使用打印机。</translation>
    </message>
</context>
<context>
    <name>advice</name>
    <message numerus="yes">
        <location filename="../../sigverify/core/verification_results.py" line="+36"/>
        <source>{person} has %n reference(s); {low} to {high} are recommended.</source>
        <translation>
            <numerusform>{person} 目前有 %n 个参考签名，建议登记 {low} 至 {high} 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Measured on the model&apos;s test writers at its threshold: with %n reference(s) {now} of genuine signatures were refused, with {enough} references {then}.</source>
        <translation>
            <numerusform>在模型的测试书写者上按其阈值测得：使用 %n 个参考签名时，有 {now} 的真实签名未被接受；使用 {enough} 个参考签名时为 {then}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../sigverify/core/audit_view.py" line="+142"/>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference removed</source>
        <translation>删除参考签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person deleted</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s details changed</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s thresholds</source>
        <translation>人员阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model activated</source>
        <translation>启用模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model trained</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model imported</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model deleted</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person imported</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person card exported</source>
        <translation>导出人员卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk&apos;s decision</source>
        <translation>柜员决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>References measured with a model</source>
        <translation>用模型计算参考签名特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change asked for (awaits approval)</source>
        <translation>提出更改（待批准）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change rejected</source>
        <translation>更改被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store backed up</source>
        <translation>存储已备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store restored from a backup</source>
        <translation>存储已从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore chosen for the next start</source>
        <translation>选择下次启动时恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore called off</source>
        <translation>取消恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong passphrase</source>
        <translation>口令错误</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(asked for by {who})</source>
        <translation>（由 {who} 提出）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(change {change}, asked for by {who})</source>
        <translation>（更改 {change}，由 {who} 提出）</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>; encrypted with the backup key ID {key}</source>
        <translation>；已用编号为 {key} 的备份密钥加密</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopped: backups are no longer encrypted (the backup key ID was {before})</source>
        <translation>已停止：备份不再加密（原备份密钥编号为 {before}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kept through the restore: backup key ID {key} (the backup&apos;s: {before})</source>
        <translation>恢复后仍保留：备份密钥编号 {key}（该备份的：{before}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kept through the restore: backup key ID {key} (the backup had none)</source>
        <translation>恢复后仍保留：备份密钥编号 {key}（该备份没有）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>changed: backup key ID {key} (before: {before})</source>
        <translation>已更改：备份密钥编号 {key}（之前：{before}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set: backups are encrypted with the backup key ID {key}</source>
        <translation>已设置：备份用编号为 {key} 的备份密钥加密</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>typed to open the person card “{file}”</source>
        <translation>为打开人员卡“{file}”而输入</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>; changed on that desk at {time}</source>
        <translation>；在该计算机上更改于 {time}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent to review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not check</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the way it was written decided</source>
        <translation>由书写方式决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the picture decided</source>
        <translation>由图像决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}: “{file}”, drawn on a pad: pen and picture together {fused} ({decided}), score {score}</source>
        <translation>{decision}：“{file}”，手写板上签：笔迹与图像合并 {fused}（{decided}），分数 {score}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; not accepted: the pen model was not fitted with this image model</source>
        <translation>；未接受：笔迹模型未与此图像模型拟合</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; not accepted: the person&apos;s own thresholds reject the picture</source>
        <translation>；未接受：此人的个人阈值拒绝了图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{decision}: “{file}”, distance {distance}, score {score}</source>
        <translation>{decision}：“{file}”，距离 {distance}，分数 {score}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, image model {model}, pen model {pen}</source>
        <translation>，图像模型 {model}，笔迹模型 {pen}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>, model {model}</source>
        <translation>，模型 {model}</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>(the same image as the reference “{name}”)</source>
        <translation>（与参考签名“{name}”是同一张图像）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; recorded after its thresholds changed, as decided</source>
        <translation>；在其阈值更改后按原结论记录</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n reference(s): {files}</source>
        <translation>
            <numerusform>%n 个参考签名：{files}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>own thresholds removed: the thresholds for everyone apply</source>
        <translation>已删除个人阈值：改用所有人的阈值</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_settings.py" line="+67"/>
        <location filename="../../sigverify/core/audit_view.py" line="+6"/>
        <source>; before: {band}</source>
        <translation>；之前：{band}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_view.py" line="+3"/>
        <source>; before: the thresholds for everyone</source>
        <translation>；之前：所有人的阈值</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n reference(s), model {model}</source>
        <translation>
            <numerusform>%n 个参考签名，模型 {model}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>with %n reference(s)</source>
        <translation>
            <numerusform>共 %n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from the card “{file}”</source>
        <translation>来自人员卡“{file}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, where the id was {id}</source>
        <translation>，卡中编号为 {id}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>to the card “{file}”, %n reference(s)</source>
        <translation>
            <numerusform>导出为人员卡“{file}”，共 %n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+7"/>
        <source>, protected by a passphrase</source>
        <translation>，受口令保护</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>typed as the current backup passphrase, to change it (backup key ID {key})</source>
        <translation>为更改备份口令而输入的当前口令（备份密钥编号 {key}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>typed to restore “{file}” (backup key ID {key})</source>
        <translation>为恢复“{file}”而输入（备份密钥编号 {key}）</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>, without a passphrase</source>
        <translation>，未设口令</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>to “{file}”: {people}, %n reference(s), entries up to #{up_to}</source>
        <translation>
            <numerusform>备份到“{file}”：{people}，%n 个参考签名，截至第 {up_to} 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="-156"/>
        <source>stopped on {desk} (it went to “{before}”)</source>
        <translation>已在 {desk} 上停止（原先备份到“{before}”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every day to “{folder}” from {desk} (before: “{before}”)</source>
        <translation>每天从 {desk} 备份到“{folder}”（之前：“{before}”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every day to “{folder}” from {desk}</source>
        <translation>每天从 {desk} 备份到“{folder}”</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>backups are no longer protected by a passphrase</source>
        <translation>备份不再受口令保护</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{file}”, made {made}</source>
        <translation>“{file}”，制作于 {made}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{file}” is not restored</source>
        <translation>不恢复“{file}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from “{file}”, made {made}, entries up to #{up_to}</source>
        <translation>来自“{file}”，创建于 {made}，截至第 {up_to} 条记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; the store it replaced is kept in “{folder}”</source>
        <translation>；被替换的存储保留在“{folder}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{model}, from “{folder}”</source>
        <translation>{model}，来自“{folder}”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+5"/>
        <location line="+131"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_settings.py" line="-40"/>
        <source>accept {accept}, reject {reject}</source>
        <translation>接受 {accept}，拒绝 {reject}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(set for another fitting of the pen model)</source>
        <translation>（为笔迹模型的另一次拟合设定）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>back to the model&apos;s values</source>
        <translation>恢复为模型的默认值</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Thresholds for pad drawings, pen model {model}: {value}</source>
        <translation>手写板签名的阈值，笔迹模型 {model}：{value}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_view.py" line="-131"/>
        <source>enrolled though flagged: {said}</source>
        <translation>虽被标记仍已登记：{said}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_settings.py" line="-32"/>
        <source>everyone&apos;s</source>
        <translation>（沿用所有人的）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(preset: at most {target} of skilled forgeries let through)</source>
        <translation>（预设：熟练伪造签名最多放行 {target}）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>(measured on the folder “{folder}”, %n person(s))</source>
        <translation>
            <numerusform>（在文件夹“{folder}”的 %n 人上测量）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Thresholds for everyone, model {model}: {value}</source>
        <translation>所有人的阈值，模型 {model}：{value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the model&apos;s values</source>
        <translation>模型的默认值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model in use: {model}</source>
        <translation>使用中的模型：{model}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pen model in use: {model}</source>
        <translation>使用中的笔迹模型：{model}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/audit_view.py" line="+22"/>
        <source>{machine} → {decision}: “{file}”</source>
        <translation>{machine} → {decision}：“{file}”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>change {change}: {action}</source>
        <translation>更改 {change}：{action}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../sigverify/gui/dialogs.py" line="+43"/>
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation>计算机内存不足。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Something went wrong that sigverify did not expect. Your data is safe. The details were saved to the log file; please send them to your support team.</source>
        <translation>sigverify 遇到了意外错误。您的数据是安全的。详细信息已保存到日志文件，请将其发送给您的技术支持团队。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sigverify</source>
        <translation>sigverify</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy details and close</source>
        <translation>复制详细信息并关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sent for approval</source>
        <translation>已提交审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change {change} ({what}) now waits for another supervisor to approve it. Nothing changes until then; it is listed under Approvals.</source>
        <translation>更改 {change}（{what}）正在等待另一位主管批准。批准前不会有任何改变；它列在“审批”中。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../sigverify/core/data/bank.py" line="+114"/>
        <source>Cancelled while reading the signatures.</source>
        <translation>读取签名时已取消。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/data/datasets.py" line="+31"/>
        <source>sigverify&apos;s own layout: &lt;writer&gt;/genuine/ and &lt;writer&gt;/forged/ folders; CEDAR: full_org/ and full_forg/ folders; SigComp2011 (sign_data): 001/ and 001_forg/ folders; BHSig260: Bengali/ or Hindi/ folders of B-S-1-G-01.tif files</source>
        <translation>sigverify 自有结构：&lt;writer&gt;/genuine/（真实签名）和 &lt;writer&gt;/forged/（伪造签名）文件夹；CEDAR：full_org/ 和 full_forg/ 文件夹；SigComp2011（sign_data）：001/ 和 001_forg/ 文件夹；BHSig260：Bengali/ 或 Hindi/ 文件夹，内含 B-S-1-G-01.tif 这类文件</translation>
    </message>
    <message numerus="yes">
        <location line="+104"/>
        <source>%n file(s) that are not images were ignored ({listed}).</source>
        <translation>
            <numerusform>%n 个非图像文件已忽略（{listed}）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The folder “{name}” does not look like a signature data folder. Expected one of: {LAYOUT_HELP}.</source>
        <translation>文件夹“{name}”看起来不是签名数据文件夹。应为以下布局之一：{LAYOUT_HELP}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The folder “{root}” does not exist.</source>
        <translation>文件夹“{root}”不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is a file; choose the folder that holds the signatures.</source>
        <translation>“{name}”是一个文件；请选择存放签名的文件夹。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unknown layout “{layout}”. Choose auto or one of: {layouts}.</source>
        <translation>未知的布局“{layout}”。请选择 auto 或以下之一：{layouts}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No signatures were found in “{name}” with the {layout} layout. Expected: {LAYOUT_HELP}.</source>
        <translation>按 {layout} 布局在“{name}”中未找到任何签名。应为：{LAYOUT_HELP}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writer {id} has forgeries but no genuine signatures; this writer cannot be used.</source>
        <translation>书写者 {id} 有伪造签名但没有真实签名；无法使用此书写者。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writer {id} has only one genuine signature; at least {needed} are needed, so this writer cannot be used.</source>
        <translation>书写者 {id} 只有一个真实签名；至少需要 {needed} 个，因此无法使用此书写者。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No forgeries were found: training will use other writers&apos; genuine signatures as (random) forgeries only, and cannot learn skilled forgeries.</source>
        <translation>未找到伪造签名：训练将只把其他书写者的真实签名用作（随机）伪造签名，无法学习熟练伪造。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Folder “{name}” has no genuine/ or forged/ folder inside; ignored.</source>
        <translation>文件夹“{name}”中没有 genuine/ 或 forged/ 文件夹；已忽略。</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n file(s) or folder(s) beside genuine/ and forged/ were not read ({listed}): only those two folders are.</source>
        <translation>
            <numerusform>genuine/ 和 forged/ 旁边的 %n 个文件或文件夹未被读取（{listed}）：只读取这两个文件夹。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The CEDAR folder {sub}/ is missing.</source>
        <translation>缺少 CEDAR 文件夹 {sub}/。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{name}” is not named like a CEDAR file; ignored.</source>
        <translation>“{name}”的命名不符合 CEDAR 文件的格式；已忽略。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Folder “{name}” is not named like 001 or 001_forg; ignored.</source>
        <translation>文件夹“{name}”的命名不是 001 或 001_forg 的格式；已忽略。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“{name}” is not named like a BHSig260 file; ignored.</source>
        <translation>“{name}”的命名不符合 BHSig260 文件的格式；已忽略。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/data/splits.py" line="+48"/>
        <source>Validation and test fractions must be between 0 and 1, with room left for training.</source>
        <translation>验证集和测试集所占比例必须介于 0 和 1 之间，并且要为训练留出余量。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At least 4 writers are needed: 2 to train on, and 1 each for validation and test, kept apart; this data has {writers}.</source>
        <translation>至少需要 4 名书写者：2 名用于训练，验证和测试各 1 名，彼此分开；此数据只有 {writers} 名。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/data/datasets.py" line="+56"/>
        <source>“{name}” is not empty; choose a new or empty folder.</source>
        <translation>“{name}”不是空的；请选择一个新的或空的文件夹。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/devices.py" line="+21"/>
        <source>No CUDA GPU is available on this computer; use --device cpu or auto.</source>
        <translation>此计算机上没有可用的 CUDA GPU；请使用 --device cpu 或 auto。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no GPU number {index} on this computer.</source>
        <translation>此计算机上没有编号为 {index} 的 GPU。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown device “{name}”: use auto, cpu or cuda.</source>
        <translation>未知设备“{name}”：请使用 auto、cpu 或 cuda。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/imaging/imageio.py" line="+81"/>
        <source>The file “{name}” does not exist.</source>
        <translation>文件“{name}”不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” is a folder, not an image file.</source>
        <translation>“{name}”是一个文件夹，不是图像文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is not an ordinary file (a device or a pipe), not an image.</source>
        <translation>“{name}”不是普通文件（而是设备或管道），不是图像。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” is too large to open safely ({size} MB; the limit is {limit} MB). Scan at 300 dpi or less, or cut the signature out with an image editor first.</source>
        <translation>“{name}”太大，无法安全打开（{size} MB，上限为 {limit} MB）。请以 300 dpi 或更低分辨率扫描，或先用图像编辑软件裁剪出签名部分。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The file “{name}” cannot be opened: {strerror}.</source>
        <translation>无法打开文件“{name}”：{strerror}。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The file “{name}” is empty (0 bytes).</source>
        <translation>文件“{name}”为空（0 字节）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{name}” is not an image sigverify can read. Use a PNG, JPEG, TIFF or BMP scan or photo of the signature.</source>
        <translation>“{name}”不是 sigverify 能读取的图像。请使用 PNG、JPEG、TIFF 或 BMP 格式的签名扫描件或照片。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“{name}” is only {width} × {height} pixels: too small to hold a readable signature (at least {MIN_SIDE} pixels on each side are needed).</source>
        <translation>“{name}”只有 {width} × {height} 像素，太小，无法容纳可辨认的签名（每边至少需要 {MIN_SIDE} 像素）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{name}” has {frames} pages; only the first page was used.</source>
        <translation>“{name}”共有 {frames} 页；只使用了第一页。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many pixels</source>
        <translation>像素过多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” is too large to open safely ({what}; the limit is {limit} megapixels). Scan at 300 dpi or less, or cut the signature out with an image editor first.</source>
        <translation>“{name}”太大，无法安全打开（{what}；上限为 {limit} 百万像素）。请以 300 dpi 或更低的分辨率扫描，或先用图像编辑软件裁剪出签名部分。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{name}” is damaged or incomplete and cannot be read. Scan or copy it again.</source>
        <translation>“{name}”已损坏或不完整，无法读取。请重新扫描或复制。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/card.py" line="+171"/>
        <source>it lacks {fields}</source>
        <translation>缺少 {fields}</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The model folder “{folder}” does not exist.</source>
        <translation>模型文件夹“{folder}”不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” is not a sigverify model folder: it has no {CARD_FILE}.</source>
        <translation>“{name}”不是 sigverify 模型文件夹：其中没有 {CARD_FILE}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>larger than {size} MB</source>
        <translation>大于 {size} MB</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>it is not a card&apos;s JSON text</source>
        <translation>它不是模型卡的 JSON 文本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model card of “{name}” is damaged ({error}).</source>
        <translation>“{name}”的模型卡已损坏（{error}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model “{name}” was made by a newer sigverify (card format {format}); update sigverify to use it.</source>
        <translation>模型“{name}”由较新版本的 sigverify 生成（模型卡格式 {format}）；请更新 sigverify 后再使用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The model “{name}” uses an encoder this version does not know (“{encoder}”).</source>
        <translation>模型“{name}”使用了此版本无法识别的编码器（“{encoder}”）。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The saved validation scores of “{name}” are damaged ({error}).</source>
        <translation>“{name}”保存的验证集分数已损坏（{error}）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/catalog.py" line="+85"/>
        <source>This model is already in the list as “{name}” (the same weights).</source>
        <translation>此模型已在列表中，名为“{name}”（权重相同）。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>“{name}” ships with sigverify and cannot be deleted.</source>
        <translation>“{name}”随 sigverify 一同提供，无法删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” is the active model: activate another one before deleting it.</source>
        <translation>“{name}”是当前启用的模型：请先启用另一个模型，再删除它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” was not installed by sigverify (it lives in {parent}); delete its folder yourself if you no longer need it.</source>
        <translation>“{name}”不是由 sigverify 安装的（位于 {parent}）；如果不再需要，请自行删除其文件夹。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/evaluation/measure.py" line="+65"/>
        <source>The model was not trained on “{name}”, so it has no test writers there; evaluate on all its writers instead (--writers all).</source>
        <translation>该模型并非用“{name}”训练，因此其中没有它的测试书写者；请改为在全部书写者上评估（--writers all）。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Cancelled while measuring the signatures.</source>
        <translation>测量签名时已取消。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The writers in this folder have too few genuine signatures to measure anything: each needs at least 2.</source>
        <translation>此文件夹中书写者的真实签名太少，无法进行任何测量：每人至少需要 2 个。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/card.py" line="-105"/>
        <source>The model “{name}” has no weights file ({WEIGHTS_FILE}).</source>
        <translation>模型“{name}”没有权重文件（{WEIGHTS_FILE}）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/io.py" line="+94"/>
        <source>The model card of “{name}” has no weights checksum, so its weights cannot be trusted. Install the model again.</source>
        <translation>模型“{name}”的模型卡没有权重校验和，其权重无法被信任。请重新安装该模型。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The weights of model “{name}” do not match its card: the file is damaged or was replaced. Install the model again.</source>
        <translation>模型“{name}”的权重与其模型卡不符：文件已损坏或被替换。请重新安装该模型。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The weights of model “{name}” are damaged ({error}).</source>
        <translation>模型“{name}”的权重已损坏（{error}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The weights of model “{name}” hold invalid numbers (NaN or infinite).</source>
        <translation>模型“{name}”的权重含有无效数值（NaN 或无穷大）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The weights of model “{name}” do not fit the encoder described in its card.</source>
        <translation>模型“{name}”的权重与其模型卡中描述的编码器不匹配。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/person_card.py" line="+88"/>
        <source>“{name}” is not a sigverify person card, or it is damaged ({why}).</source>
        <translation>“{name}”不是 sigverify 人员档案，或已损坏（{why}）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“{name}” is a person card from a newer sigverify; update to import it.</source>
        <translation>“{name}”是由较新版本的 sigverify 导出的人员档案；请更新后再导入。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>“{name}” holds an image too large to import.</source>
        <translation>“{name}”中包含的图像过大，无法导入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{name}” is damaged: {filename} does not match its checksum.</source>
        <translation>“{name}”已损坏：{filename} 与其校验和不符。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{name}” is not a sigverify person card, or it is damaged.</source>
        <translation>“{name}”不是 sigverify 人员档案，或已损坏。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The card&apos;s “{filename}” is enrolled here already, for {person}: the card&apos;s person is here already, or the card holds another person&apos;s signature. Nothing was imported.</source>
        <translation>人员卡中的“{filename}”已在此登记，属于 {person}：人员卡中的人员已在此存储中，或人员卡含有他人的签名。未导入任何内容。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{person_id} already exists in this store; import under another id or remove it first.</source>
        <translation>{person_id} 已存在于此签名数据库中；请使用其他编号导入，或先将其删除。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/imaging/preprocessing.py" line="+289"/>
        <source>This image does not look like a signature: the dark part is a filled area or a pattern, not pen strokes. Check that the right image was chosen, or crop the signature.</source>
        <translation>这张图像看起来不像签名：深色部分是填充区域或图案，而不是笔画。请确认选择了正确的图像，或裁剪出签名部分。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No signature was found on this image: it looks blank, too faint, or the signature is too small on the page. Check that the right page was scanned with enough contrast, or crop the signature.</source>
        <translation>在此图像上未找到签名：图像看起来是空白的、过淡，或签名在页面上太小。请检查扫描的页面是否正确、对比度是否足够，或裁剪出签名部分。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/backend.py" line="+33"/>
        <source>A shared store is kept on its database server: its administrator backs it up and restores it there (for example with pg_dump). sigverify backs up a store on this computer.</source>
        <translation>共享存储保存在其数据库服务器上：由管理员在服务器上备份和恢复（例如使用 pg_dump）。sigverify 只备份本机上的存储。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/__init__.py" line="+102"/>
        <source>The signature store “{path}” cannot be opened ({error}).</source>
        <translation>无法打开签名数据库“{path}”（{error}）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/schema.py" line="+99"/>
        <source>Your database account may not do this: the shared store allows it to supervisors only ({error}).</source>
        <translation>您的数据库账户无权执行此操作：共享存储只允许主管执行（{error}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server of the shared store “{name}” refused the user name or password.</source>
        <translation>共享存储“{name}”的服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server of the shared store “{name}” cannot be reached. Check the network and the address, or ask the administrator whether it is running.</source>
        <translation>无法连接共享存储“{name}”的服务器。请检查网络和地址，或询问管理员服务器是否在运行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The signature store “{name}” is busy: another sigverify window or program is writing to it. Try again in a moment.</source>
        <translation>签名数据库“{name}”正忙：另一个 sigverify 窗口或程序正在写入。请稍后再试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满：没有保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is not a sigverify store, or it is damaged.</source>
        <translation>“{name}”不是 sigverify 数据库，或已损坏。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature store “{path}” cannot be opened for writing.</source>
        <translation>无法以写入方式打开签名数据库“{path}”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature store could not be used ({error}).</source>
        <translation>无法使用签名数据库（{error}）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The database “{name}” is not set up as a sigverify store. An administrator sets it up with: sigverify store init-postgres URL</source>
        <translation>数据库“{name}”尚未设置为 sigverify 存储。管理员可用以下命令设置：sigverify store init-postgres URL</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The shared store “{name}” needs an upgrade, which an administrator makes with: sigverify store init-postgres URL</source>
        <translation>共享存储“{name}”需要升级，由管理员用以下命令完成：sigverify store init-postgres URL</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>“{name}” is not a sigverify store; choose another file.</source>
        <translation>“{name}”不是 sigverify 签名数据库；请选择其他文件。</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+74"/>
        <source>The signature store “{name}” was written by a newer sigverify (schema {version}); update sigverify to open it.</source>
        <translation>签名数据库“{name}”由较新版本的 sigverify 写入（数据库结构版本 {version}）；请更新 sigverify 后再打开。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/people.py" line="+27"/>
        <source>There is no person with id “{person_id}” in the store.</source>
        <translation>签名数据库中没有编号为“{person_id}”的人员。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>“{typed}” is the name of {person_id}: use the ID.</source>
        <translation>“{typed}”是 {person_id} 的姓名：请使用 ID。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Did you mean “{person_id}”? IDs differ by capitals.</source>
        <translation>您是否指“{person_id}”？ID 区分大小写。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The thresholds of {person_id}</source>
        <translation>{person_id} 的阈值</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>A threshold must be a number of 0 or more, or left empty.</source>
        <translation>阈值必须是 0 或更大的数，或留空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reject threshold must not be below the accept threshold.</source>
        <translation>拒绝阈值不得低于接受阈值。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/settings.py" line="+19"/>
        <source>The setting “{key}”</source>
        <translation>设置“{key}”</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/approvals.py" line="+118"/>
        <source>There is no change number {change}.</source>
        <translation>没有编号为 {change} 的更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change {change} was already {status} by {who}.</source>
        <translation>更改 {change} 已由 {who} 处理（{status}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A change must be approved by another supervisor than the one who asked for it.</source>
        <translation>更改必须由提出者以外的另一位主管批准。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/references.py" line="+52"/>
        <source>“{filename}” is the same image as “{filename2}”, already enrolled for {person_id}; nothing was added.</source>
        <translation>“{filename}”与已为 {person_id} 登记的“{filename2}”是同一图像；未添加任何内容。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The reference “{file}” of {person_id}</source>
        <translation>{person_id} 的参考签名“{file}”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The stored embedding of {person_id}&apos;s reference “{file}”</source>
        <translation>{person_id} 的参考签名“{file}”所存的特征向量</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>There is no reference number {reference_id}.</source>
        <translation>不存在编号为 {reference_id} 的参考签名。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/records.py" line="+191"/>
        <source>A pen trajectory is a list of (x, y, pressure, time) samples.</source>
        <translation>笔迹轨迹是由 (x, y, 压力, 时间) 采样点组成的列表。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/engine.py" line="+126"/>
        <source>The model to start from uses a different encoder or image size; train from scratch or choose matching settings.</source>
        <translation>作为起点的模型使用了不同的编码器或图像尺寸；请从头开始训练，或选择与之匹配的设置。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/config.py" line="+95"/>
        <source>Pen recordings are read by the tdnn encoder; choose it.</source>
        <translation>笔迹记录由 tdnn 编码器读取，请选择它。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writer classification is added to the triplet loss with batch-hard mining only, with a weight of 0 or more.</source>
        <translation>书写人分类只能加在采用批内最难样本挖掘（batch-hard）的三元组损失上，且权重须为 0 或以上。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reference-set loss is added to the triplet loss with batch-hard mining only, with a weight of 0 or more.</source>
        <translation>参考集损失只能加在采用批内最难样本挖掘（batch-hard）的三元组损失上，且权重须为 0 或以上。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Turned writers are 0, 1 or 3, and for images with the triplet loss and batch-hard mining only.</source>
        <translation>翻转书写者只能是 0、1 或 3，且仅用于图像、三元组损失和难例批次挖掘。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The weight average&apos;s decay must be at least 0 and below 1.</source>
        <translation>权重滑动平均的衰减系数须不小于 0 且小于 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epochs and steps must be at least 1, and the batch at least 4 images.</source>
        <translation>训练轮数（epochs）和步数必须至少为 1，批大小至少为 4 张图像。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/combine.py" line="+61"/>
        <source>An ensemble needs two or more models.</source>
        <translation>集成模型至少需要两个模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” cannot be joined: only image models that score by distance alone can (fit a stroke check on the ensemble instead).</source>
        <translation>无法合并“{name}”：只有仅按距离评分的图像模型才能合并（可改为在集成模型上拟合笔画检查）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{a}” and “{b}” read their input or measure distances differently; only models trained with the same settings can be joined.</source>
        <translation>“{a}”和“{b}”的输入读取方式或距离度量不同；只有用相同设置训练的模型才能合并。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{a}” and “{b}” were trained on different writer splits; train each member with the same --seed (and another --init-seed).</source>
        <translation>“{a}”和“{b}”使用了不同的书写者划分进行训练；请用相同的 --seed（和不同的 --init-seed）训练每个成员。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/validation.py" line="+45"/>
        <source>The validation writers have too few genuine signatures to measure the model.</source>
        <translation>验证集书写者的真实签名太少，无法评估该模型。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/checkpoint.py" line="+104"/>
        <source>The checkpoint in this folder was made with other settings; use the same settings to resume, or a new folder.</source>
        <translation>此文件夹中的检查点是用其他设置生成的；请使用相同设置继续训练，或改用新文件夹。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/run.py" line="+57"/>
        <source>Too few writers to train: at least one each for training and validation is needed (more than 20 in all for a useful model).</source>
        <translation>书写者太少，无法训练：训练和验证集各至少需要一名（要得到实用的模型，总共需要 20 名以上）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/odd_references.py" line="+59"/>
        <source>“{name}” is the same image as “{stored}”, a reference of {person}: one signature cannot be two people&apos;s. Check that this is the right person.</source>
        <translation>“{name}”与{person}的参考签名“{stored}”是同一张图像：一个签名不能同时属于两个人。请核对是否选对了人员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” is a picture of the whole paper the signature is on: enrolled as it is, print, lines or other writing on it would be part of the reference. Pick the signature out of it first (Crop from page… on the People page); a slip holding the signature alone can be enrolled anyway.</source>
        <translation>“{name}”是签名所在的整张纸的图片：按原样登记，纸上的印刷内容、线条或其他字迹都会成为参考签名的一部分。请先从中选出签名（在“人员”页面使用“从页面裁剪…”）；只写有签名的小纸条仍可直接登记。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{name}” does not look like {person}&apos;s enrolled references (distance {distance:.4f}, far more than the reject threshold {reject:.4f}): it may be another person&apos;s signature.</source>
        <translation>“{name}”与 {person} 已登记的参考签名不相似（距离 {distance:.4f}，远超拒绝阈值 {reject:.4f}）：可能是他人的签名。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{name}” does not look like the other references (distance {distance:.4f}, more than the reject threshold {reject:.4f}): it may be another person&apos;s signature or a bad scan.</source>
        <translation>“{name}”与其他参考签名不相似（距离 {distance:.4f}，超过拒绝阈值 {reject:.4f}）：可能是他人的签名，或扫描质量不佳。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{names} are the same images as references of {people}: one signature cannot be two people&apos;s. Check that this is the right person.</source>
        <translation>{names}与{people}的参考签名是同样的图像：一个签名不能同时属于两个人。请核对是否选对了人员。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{names} are pictures of the whole paper the signatures are on: enrolled as they are, print, lines or other writing on them would be part of the references. Pick the signatures out of them first (Crop from page… on the People page); slips holding the signature alone can be enrolled anyway.</source>
        <translation>{names}是签名所在的整张纸的图片：按原样登记，纸上的印刷内容、线条或其他字迹都会成为参考签名的一部分。请先从中选出签名（在“人员”页面使用“从页面裁剪…”）；只写有签名的小纸条仍可直接登记。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{names} do not look like {person}&apos;s enrolled references (distances {low:.4f} to {high:.4f}, far more than the reject threshold {reject:.4f}): they may be another person&apos;s signatures.</source>
        <translation>{names} 与 {person} 已登记的参考签名不相似（距离 {low:.4f} 至 {high:.4f}，远超拒绝阈值 {reject:.4f}）：可能是他人的签名。</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+44"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/imaging/imageio.py" line="+56"/>
        <source>Could not encode the preprocessed image.</source>
        <translation>无法编码预处理后的图像。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/verification.py" line="+131"/>
        <source>“{name}”: {error}</source>
        <translation>“{name}”：{error}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/service_thresholds.py" line="+56"/>
        <source>No pen model is installed.</source>
        <translation>未安装笔迹模型。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/thresholds.py" line="+104"/>
        <source>Give both thresholds, with the reject threshold at or above the accept threshold.</source>
        <translation>请同时给出两个阈值，且拒绝阈值不得低于接受阈值。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/verification.py" line="+30"/>
        <source>A person needs an id (for example a customer or patient number).</source>
        <translation>人员需要一个编号（例如客户号或病历号）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose at least one reference signature to enrol.</source>
        <translation>请至少选择一个要登记的参考签名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{typed}” is already enrolled as “{enrolled}” (the same id in other capitals): use “{enrolled}”.</source>
        <translation>“{typed}”已以“{enrolled}”登记（同一 ID，仅大小写不同）：请使用“{enrolled}”。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{person_id} has no reference signatures yet: enrol some first.</source>
        <translation>{person_id} 还没有参考签名：请先登记。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>This result has no signature image to explain.</source>
        <translation>此结果没有可供解释的签名图像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this result was made with {model}, which is no longer the active model. Check the signature again to see where it differs.</source>
        <translation>此结果由 {model} 得出，该模型已不是当前模型。请重新验证该签名，以查看差异所在。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/active_model.py" line="+60"/>
        <source>No model is installed yet. Train one with “sigverify train”, then activate it with “sigverify models activate MODEL_DIR”, or pass --model MODEL_DIR.</source>
        <translation>尚未安装任何模型。请用“sigverify train”训练一个模型，然后用“sigverify models activate MODEL_DIR”启用它，或传入 --model MODEL_DIR。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/inference.py" line="+28"/>
        <source>The model “{name}” has no ONNX file, and this installation cannot make one (it has no training tools). Export it where sigverify can train: “sigverify models export-onnx MODEL_DIR”.</source>
        <translation>模型“{name}”没有 ONNX 文件，而本安装不含训练工具，无法生成。请在可以训练的 sigverify 上导出：“sigverify models export-onnx MODEL_DIR”。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/export.py" line="+79"/>
        <source>The ONNX export of model “{name}” does not give the same embeddings as torch (difference {difference:.2g}); it was not kept.</source>
        <translation>模型“{name}”导出的 ONNX 文件与 torch 得到的嵌入向量不一致（差异 {difference:.2g}），未予保留。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/model/onnx.py" line="+84"/>
        <source>The model “{name}” gives invalid numbers (NaN or infinite).</source>
        <translation>模型“{name}”输出了无效数值（NaN 或无穷大）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The model “{name}” has no ONNX file ({file}).</source>
        <translation>模型“{name}”缺少 ONNX 文件（{file}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ONNX file of model “{name}” does not match its card: the file is damaged or was replaced. Install the model again.</source>
        <translation>模型“{name}”的 ONNX 文件与其模型卡不符：文件已损坏或被替换。请重新安装该模型。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The ONNX file of model “{name}” cannot be loaded ({error}).</source>
        <translation>无法加载模型“{name}”的 ONNX 文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/build_variant.py" line="+28"/>
        <source>Training and model export need the full build of sigverify (it includes PyTorch); this desk build verifies only. Train with the full build or a source install (see the README), then import the trained model folder on the Models page, or switch to it with “sigverify models activate MODEL_DIR”.</source>
        <translation>训练和导出模型需要 sigverify 完整版（含 PyTorch）；此柜台版只能验证。请用完整版或源码安装进行训练（见 README），然后在“模型”页导入训练好的模型文件夹，或用“sigverify models activate MODEL_DIR”切换到该模型。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/seal.py" line="+103"/>
        <source>The seal file “{name}” beside the signature store is missing, so sigverify cannot tell whether the store was changed. Restore it together with the store from the same backup.</source>
        <translation>签名库旁的封印文件“{name}”不见了，因此 sigverify 无法判断签名库是否被改动过。请从同一份备份中将它与签名库一起恢复。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The seal file “{name}” beside the signature store is damaged. Restore it together with the store from the same backup.</source>
        <translation>签名库旁的封印文件“{name}”已损坏。请从同一份备份中将它与签名库一起恢复。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{what} was changed outside sigverify: it no longer matches the store&apos;s seal, so it is not used. Check the audit log (sigverify audit verify) and restore the store from a backup.</source>
        <translation>{what}在 sigverify 之外被改动过：它与签名库的封印不再相符，因此不会被使用。请检查审计日志（sigverify audit verify），并从备份中恢复签名库。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/audit.py" line="+33"/>
        <source>The audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/batch_items.py" line="+65"/>
        <source>“{name}” is neither a CSV list nor a folder.</source>
        <translation>“{name}”既不是 CSV 列表，也不是文件夹。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>It is not in a person&apos;s folder: put each person&apos;s signatures in a folder named by their ID (for example C-1042/cheque.png).</source>
        <translation>它不在某个人的文件夹中：请把每个人的签名放进以其 ID 命名的文件夹（例如 C-1042/cheque.png）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The folder “{name}” holds no images: put each person&apos;s signatures in a folder named by the person&apos;s id.</source>
        <translation>文件夹“{name}”中没有图像：请把每个人的签名放入以其编号命名的文件夹。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The list “{name}” could not be read: {error}</source>
        <translation>无法读取列表“{name}”：{error}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The list “{name}” needs a first line naming its columns, with a “person” column (the person&apos;s id) and an “image” column (the signature&apos;s file).</source>
        <translation>列表“{name}”的第一行需要写明列名，包括“person”列（人员编号）和“image”列（签名文件）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The row gives no person id.</source>
        <translation>此行没有人员编号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The row gives no image file.</source>
        <translation>此行没有图像文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list “{name}” has no rows to check.</source>
        <translation>列表“{name}”中没有要验证的行。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/batch.py" line="+119"/>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The results file “{name}” cannot be used ({why}). Close it if a spreadsheet has it open, or choose another file.</source>
        <translation>无法使用结果文件“{name}”（{why}）。如果电子表格正打开它，请先关闭，或选择另一个文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{name}” is not a results file written by sigverify: choose another file for the results.</source>
        <translation>“{name}”不是 sigverify 写入的结果文件：请为结果选择另一个文件。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/queue.py" line="+153"/>
        <source>Only items sent to review, rejected or not checkable are settled by a clerk; an accepted item can be rejected, with a comment.</source>
        <translation>只有需复核、被拒绝或无法验证的项目由柜员处理；已接受的项目可以附备注拒绝。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This item could not be checked: accept or reject it yourself, or check it again once its person is enrolled or its file is readable.</source>
        <translation>此项目无法验证：请自行接受或拒绝，或在登记此人或文件可读后重新验证。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An item sent to review needs a decision: accept it or reject it.</source>
        <translation>送复核的项目需要作出决定：接受或拒绝。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say why in the comment: the machine could not check it.</source>
        <translation>请在备注中说明理由：系统无法核对此项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say in the comment what you checked before deciding.</source>
        <translation>请在备注中写明您在决定前核对了什么。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say why in the comment when you decide otherwise.</source>
        <translation>作出不同决定时，请在备注中说明原因。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/report_files.py" line="+26"/>
        <source>The report cannot be written to “{path}”: choose a file in a folder that exists and that you may write to.</source>
        <translation>无法把报告写入“{path}”：请选择一个已存在且可写入的文件夹中的文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The report “{name}” could not be written: {error}</source>
        <translation>无法写入报告“{name}”：{error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The picture “{name}” could not be written: {error}</source>
        <translation>无法写入图片“{name}”：{error}</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/roles.py" line="+30"/>
        <source>changing thresholds</source>
        <translation>更改阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleting people or references</source>
        <translation>删除人员或参考签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>switching the model</source>
        <translation>切换模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>importing a person card</source>
        <translation>导入人员卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changing the store&apos;s settings</source>
        <translation>更改存储设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approving changes</source>
        <translation>批准更改</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The database account “{account}” has no sigverify role. Ask the administrator to grant it {clerk} or {supervisor}.</source>
        <translation>数据库账户“{account}”没有 sigverify 角色。请管理员授予它 {clerk} 或 {supervisor}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only a supervisor&apos;s account approves changes; “{account}” is not one.</source>
        <translation>只有主管账户可以批准更改；“{account}”不是主管账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your database account “{account}” is a clerk&apos;s: {what} is for a supervisor.</source>
        <translation>您的数据库账户“{account}”是柜员账户：{what}需由主管进行。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/data/pen_files.py" line="+45"/>
        <source>“{name}” is not a pen recording sigverify can read (SVC2004 .TXT, SUSIG .sig or SigComp2009 .hwr).</source>
        <translation>“{name}”不是 sigverify 能读取的笔迹记录（SVC2004 .TXT、SUSIG .sig 或 SigComp2009 .hwr）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/evaluation/fusion.py" line="+246"/>
        <source>None of these data folders holds the pen model&apos;s validation writers: give the folders it was trained on.</source>
        <translation>这些数据文件夹中没有该笔迹模型的验证书写者：请提供训练它所用的文件夹。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/pen_verification.py" line="+64"/>
        <source>“{name}” is not a pen model.</source>
        <translation>“{name}”不是笔迹模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pen model “{name}” reads other features than this version of sigverify computes; use a pen model made for it.</source>
        <translation>笔迹模型“{name}”读取的特征与此版本 sigverify 计算的不同；请使用为此版本制作的笔迹模型。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/evaluation/measure.py" line="-107"/>
        <source>None of these data folders holds the model&apos;s validation writers: give the folders it was trained on.</source>
        <translation>这些数据文件夹中没有该模型的验证集书写者：请提供训练该模型时使用的文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of these data folders holds the model&apos;s test writers: give the folders it was trained on.</source>
        <translation>这些数据文件夹中没有该模型的测试集书写者：请提供训练该模型时使用的文件夹。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/evaluation/stroke_fit.py" line="+97"/>
        <source>The validation writers have too few genuine signatures to fit anything: each needs at least 2.</source>
        <translation>验证集书写者的真实签名太少，无法拟合：每人至少需要 2 个。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/training/sampling.py" line="+75"/>
        <source>Training needs at least 2 people with 2 or more usable genuine signatures each; the people kept for training have {n}.</source>
        <translation>训练至少需要 2 名各有 2 个或更多可用真实签名的人员；留作训练的人员中只有 {n} 名。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store_backup.py" line="+216"/>
        <source>The backup cannot be made: the disk of the store ({folder}) refused its working copy ({error}). It needs room there for a copy of the store (two when backups are encrypted).</source>
        <translation>无法制作备份：存储所在的磁盘（{folder}）拒绝写入工作副本（{error}）。那里需要有放得下一份存储副本的空间（备份加密时需要两份）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup cannot be written to “{path}” ({error}).</source>
        <translation>无法将备份写入“{path}”（{error}）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The backup was cancelled.</source>
        <translation>备份已取消。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/passphrase_rules.py" line="+17"/>
        <source>The two passphrases are not the same: type it again.</source>
        <translation>两次输入的口令不一致：请重新输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A passphrase has at least {count} characters: a few words are easier to remember than a short password.</source>
        <translation>口令至少需要 {count} 个字符：几个词比简短的密码更容易记住。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That passphrase is easy to guess: a word tried first (such as “password”) with a few characters beside it. Choose a few words that mean something to you only.</source>
        <translation>这个口令很容易被猜到：只是一个常被先试的词（例如“password”）加上几个字符。请选几个只对您自己有意义的词。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That passphrase is easy to guess: a few characters repeated or a run of keys. Choose a few words that mean something to you only.</source>
        <translation>这个口令很容易被猜到：只是几个字符的重复，或一串相连的按键。请选几个只对您自己有意义的词。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/backup_encryption.py" line="+196"/>
        <source>That is not the backup passphrase.</source>
        <translation>这不是备份口令。</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>That is not the passphrase of “{file}”. A backup opens with the passphrase set when it was made (its backup key ID: {key}).</source>
        <translation>这不是“{file}”的口令。备份只能用制作它时所设的口令打开（它的备份密钥编号：{key}）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“{file}” is protected by a passphrase (backup key ID {key}): it is needed to restore it.</source>
        <translation>“{file}”受口令保护（备份密钥编号 {key}）：恢复它需要输入口令。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>“{file}” was made by a newer version of sigverify: update sigverify to restore it.</source>
        <translation>“{file}”由更新版本的 sigverify 创建：请先更新 sigverify 再恢复。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store_backup.py" line="+143"/>
        <source>There is no file “{file}”.</source>
        <translation>文件“{file}”不存在。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/backup_encryption.py" line="-10"/>
        <source>The backup “{file}” is damaged: what it holds no longer matches what was backed up. Use another copy of it.</source>
        <translation>备份“{file}”已损坏：其内容与备份时不再一致。请使用该备份的另一份副本。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store_backup.py" line="+24"/>
        <source>“{file}” is a person card, not a backup of the store: import it on the People page (Import card…).</source>
        <translation>“{file}”是人员卡，而不是存储的备份：请在“人员”页面导入（导入人员卡…）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{file}” is not a sigverify backup (made with Back up the store…).</source>
        <translation>“{file}”不是 sigverify 备份（由“备份存储…”生成）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store_restore.py" line="+133"/>
        <source>The backup “{file}” cannot be restored: it was changed after it was made. {reason}</source>
        <translation>无法恢复备份“{file}”：它在创建后被更改过。{reason}</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>The store “{path}” is open in sigverify: close sigverify (every window, and any desk using this file), then restore the backup.</source>
        <translation>存储“{path}”正在 sigverify 中打开：请关闭 sigverify（所有窗口，以及使用此文件的所有柜台），然后再恢复备份。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/store/integrity.py" line="+22"/>
        <source>The audit log was changed outside sigverify (entry #{entry}).</source>
        <translation>审计日志在 sigverify 之外被更改过（第 {entry} 条）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/files.py" line="+108"/>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>no permission to write there</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk can only be read</source>
        <translation>磁盘只读</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/restore_at_next_start.py" line="+101"/>
        <source>The copy of “{file}” made for this restore is gone (a restore question left open over an hour may lose it): choose Restore from a backup… again.</source>
        <translation>为这次恢复制作的“{file}”副本已不在（恢复询问打开超过一小时可能会失去它）：请重新选择“从备份恢复…”。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/card_encryption.py" line="+88"/>
        <source>“{name}” was made by a newer version of sigverify: update sigverify to import it.</source>
        <translation>“{name}”由更新版本的 sigverify 生成：请更新 sigverify 后再导入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{name}” is protected by a passphrase: it is needed to import the card. Ask whoever exported it.</source>
        <translation>“{name}”受口令保护：导入此卡需要口令。请向导出者询问。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{name}” does not open with that passphrase: type the one chosen when the card was exported.</source>
        <translation>“{name}”无法用这个口令打开：请输入导出此卡时设定的口令。</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <location filename="../../sigverify/core/explain.py" line="+234"/>
        <source>Checked signature</source>
        <translation>被验证签名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest reference ({name}), aligned</source>
        <translation>最接近的参考签名（{name}），已对齐</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest reference ({name}), not aligned</source>
        <translation>最接近的参考签名（{name}），未能对齐</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where they differ</source>
        <translation>不同之处</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yellow to red: strokes of either signature without a counterpart in the other, brightest where the model&apos;s distance depends most on them.</source>
        <translation>黄色到红色：两个签名中在对方找不到对应的笔画；模型距离最依赖之处颜色最深。</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../sigverify/core/i18n.py" line="+68"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../../sigverify/core/active_model.py" line="+42"/>
        <source>The pen model {pen} was not fitted with the image model {image}: a signature drawn on a pad that it would accept goes to review until it is (the pen model&apos;s card on the Models page says how).</source>
        <translation>笔迹模型 {pen} 未与图像模型 {image} 拟合：在拟合之前，它会接受的手写板签名都会转为复核（“模型”页上该笔迹模型的说明卡会告诉您如何拟合）。</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <location filename="../../sigverify/core/store/records.py" line="-53"/>
        <source>{name} ({id})</source>
        <translation>{name}（{id}）</translation>
    </message>
</context>
<context>
    <name>percent</name>
    <message>
        <location filename="../../sigverify/core/i18n.py" line="+7"/>
        <location line="+6"/>
        <source>{number} %</source>
        <translation>{number}%</translation>
    </message>
</context>
<context>
    <name>plots</name>
    <message>
        <location filename="../../sigverify/core/evaluation/plots.py" line="+48"/>
        <source>genuine</source>
        <translation>真实签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skilled forgeries</source>
        <translation>熟练伪造</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other people&apos;s signatures</source>
        <translation>他人的签名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{label} ({count})</source>
        <translation>{label}（{count}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>threshold {value:.4f}</source>
        <translation>阈值 {value:.4f}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>distance to the references (smaller = more alike)</source>
        <translation>与参考签名的距离（越小越相似）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Distances with %n reference(s)</source>
        <translation>
            <numerusform>%n 个参考签名时的距离分布</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <location line="+24"/>
        <source>%n ref(s)</source>
        <translation>
            <numerusform>%n 个参考签名</numerusform>
        </translation>
    </message>
    <message>
        <location line="-21"/>
        <source>false accept rate (forgeries accepted)</source>
        <translation>误识率（被接受的伪造签名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>genuine accepted (TAR)</source>
        <translation>真实签名被接受率（TAR）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>false accept rate (%)</source>
        <translation>误识率（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false reject rate (%)</source>
        <translation>拒识率（%）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>epoch</source>
        <translation>训练轮次</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>each epoch, as trained</source>
        <translation>各轮（训练所得）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>whitened (kept)</source>
        <translation>白化后（已采用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation EER (%)</source>
        <translation>验证集 EER（%）</translation>
    </message>
</context>
<context>
    <name>protocol</name>
    <message>
        <location filename="../../sigverify/core/evaluation/measure.py" line="-68"/>
        <source>writer-disjoint; per writer N genuine references (seeded random choice), queries = remaining genuine + all skilled forgeries + one genuine of up to 20 other writers (random forgeries); score = mean distance to the ceil(N/2) nearest references, scaled by the typical / this writer&apos;s reference spread (N &gt;= 2); threshold chosen on validation writers</source>
        <translation>测试书写者与训练书写者互不重叠；每位书写者随机选取（固定随机种子）N 个真实签名作为参考签名，待验证签名为其余真实签名、全部熟练伪造签名，以及最多 20 位其他书写者各一个真实签名（随机伪造）；分数为与最接近的 ceil(N/2) 个参考签名的平均距离，并按典型参考签名离散程度与该书写者自身离散程度缩放（N &gt;= 2）；阈值在验证集书写者上选定</translation>
    </message>
</context>
<context>
    <name>reason</name>
    <message>
        <location filename="../../sigverify/core/verification_results.py" line="+295"/>
        <source>Its distance to the reference is {score:.4f}</source>
        <translation>该签名与参考签名的距离为 {score:.4f}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its distance to the closest of {count} references is {score:.4f}</source>
        <translation>该签名与 {count} 个参考签名中最接近的一个的距离为 {score:.4f}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its distance to the closest of {count} references, allowing for how much they vary, is {score:.4f}</source>
        <translation>该签名与 {count} 个参考签名中最接近的一个的距离为 {score:.4f}（已按参考签名的差异程度校正）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its distance to the {k} closest of {count} references is {score:.4f}</source>
        <translation>该签名与 {count} 个参考签名中最接近的 {k} 个的平均距离为 {score:.4f}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its distance to the {k} closest of {count} references, allowing for how much they vary, is {score:.4f}</source>
        <translation>该签名与 {count} 个参考签名中最接近的 {k} 个的平均距离为 {score:.4f}（已按参考签名的差异程度校正）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>; its strokes lie {px:.1f} px from theirs on average (theirs {own:.1f} px from each other), which adds {added:.4f}: score {score:.4f}</source>
        <translation>；其笔画与参考签名笔画平均相距 {px:.1f} 像素（参考签名彼此相距 {own:.1f} 像素），因此分数加 {added:.4f}：分数 {score:.4f}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; its strokes lie {px:.1f} px from theirs on average (theirs {own:.1f} px from each other), which takes {added:.4f} off: score {score:.4f}</source>
        <translation>；其笔画与参考签名笔画平均相距 {px:.1f} 像素（参考签名彼此相距 {own:.1f} 像素），因此分数减 {added:.4f}：分数 {score:.4f}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this person&apos;s</source>
        <translation>此人的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the global</source>
        <translation>全局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the model&apos;s</source>
        <translation>模型的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within {whose} accept threshold {accept:.4f}</source>
        <translation>在{whose}接受阈值 {accept:.4f} 以内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>beyond {whose} reject threshold {reject:.4f}: it does not match the references</source>
        <translation>超出{whose}拒绝阈值 {reject:.4f}：与参考签名不符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>between {whose} accept ({accept:.4f}) and reject ({reject:.4f}) thresholds: compare it with the references</source>
        <translation>介于{whose}接受阈值（{accept:.4f}）与拒绝阈值（{reject:.4f}）之间：请与参考签名进行比对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{basis}, {verdict}. Closest reference: {name}.</source>
        <translation>{basis}，{verdict}。最接近的参考签名：{name}。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/sent_to_review.py" line="+31"/>
        <source>This is the same image as the reference {name}: a reference cannot vouch for itself, and a copy of a stored signature is not a new one. Check that the right file was opened.</source>
        <translation>这与参考签名 {name} 是同一张图像：参考签名不能为自己作证，已存签名的副本也不是新的签名。请检查打开的文件是否正确。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A picture of the whole paper is neither accepted nor rejected unseen.</source>
        <translation>整张纸的图片不会未经查看就接受或拒绝。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/pen_verification.py" line="+164"/>
        <source>pen model {pen:.3f}</source>
        <translation>笔迹模型 {pen:.3f}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, time warping {dtw:.2f}</source>
        <translation>，时间规整 {dtw:.2f}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Drawn on a pad: the way it was written is {writing:.2f} times its thresholds against %n pad reference(s) ({measures}), the picture {image:.2f} times its threshold (distance {distance:.4f}); together, counting the way it was written {writing_share:.0f} % and the picture {image_share:.0f} %: {fused:.3f}</source>
        <translation>
            <numerusform>手写板上签：与 %n 个手写板参考签名相比，书写方式为其阈值的 {writing:.2f} 倍（{measures}），图像为其阈值的 {image:.2f} 倍（距离 {distance:.4f}）；书写方式占 {writing_share:.0f}%、图像占 {image_share:.0f}%，合并为 {fused:.3f}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>within the accept limit {limit:.3f}</source>
        <translation>在接受界限 {limit:.3f} 以内</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>above the reject limit {limit:.3f}</source>
        <translation>高于拒绝界限 {limit:.3f}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>between the accept and reject limits {a:.3f}-{r:.3f}</source>
        <translation>介于接受与拒绝界限 {a:.3f}-{r:.3f} 之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The way it was written decided.</source>
        <translation>由书写方式决定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture decided.</source>
        <translation>由图像决定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{basis}, {verdict}. {decided}</source>
        <translation>{basis}，{verdict}。{decided}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No pen model is installed: the picture alone decided.</source>
        <translation>未安装笔迹模型：仅由图像决定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This person has no references drawn on a pad: the picture alone decided.</source>
        <translation>此人没有手写板上签的参考签名：仅由图像决定。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The pen model was not fitted with the active image model, so an acceptance goes to review (the Models page says how to fit it).</source>
        <translation>笔迹模型未与当前图像模型拟合，因此“接受”会转为复核（“模型”页说明如何拟合）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This person&apos;s own thresholds reject the picture: sent to review.</source>
        <translation>此人的专属阈值拒绝该图像：已转人工复核。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/thresholds.py" line="+25"/>
        <source>Everyone&apos;s thresholds would accept it: this person&apos;s own are stricter.</source>
        <translation>按所有人的阈值会予以接受：此人自己的阈值更严格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone&apos;s thresholds would reject it: this person&apos;s own are more lenient.</source>
        <translation>按所有人的阈值会予以拒绝：此人自己的阈值更宽松。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone&apos;s thresholds would send it to review: this person&apos;s own are stricter.</source>
        <translation>按所有人的阈值会判为需复核：此人自己的阈值更严格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone&apos;s thresholds would send it to review: this person&apos;s own are more lenient.</source>
        <translation>按所有人的阈值会判为需复核：此人自己的阈值更宽松。</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../sigverify/core/verification_results.py" line="-77"/>
        <source>ACCEPT</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NEEDS REVIEW</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REJECT</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/report.py" line="+179"/>
        <source>Signature verification report</source>
        <translation>签名验证报告</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{decision}   score {similarity}</source>
        <translation>{decision}   分数 {similarity}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this person&apos;s own</source>
        <translation>此人自己的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set for everyone</source>
        <translation>为所有人设置的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the model&apos;s</source>
        <translation>模型的</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../sigverify/core/report_batch.py" line="+193"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked file</source>
        <translation>验证的文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accept at or below {accept:.4f}, reject above {reject:.4f} ({source})</source>
        <translation>不高于 {accept:.4f} 接受，高于 {reject:.4f} 拒绝（{source}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nearest reference</source>
        <translation>最接近的参考签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights SHA-256</source>
        <translation>权重 SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked at</source>
        <translation>验证时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Picture&apos;s distance</source>
        <translation>图像距离</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Picture&apos;s thresholds</source>
        <translation>图像阈值</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Audit entry</source>
        <translation>审计日志记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clerk&apos;s decision</source>
        <translation>柜员决定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clerk&apos;s comment</source>
        <translation>柜员备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checked signature, as received</source>
        <translation>验证的签名（原样）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>As the model sees it</source>
        <translation>模型看到的样子</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Over the nearest reference</source>
        <translation>与最接近的参考签名叠加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>red: checked · blue: reference · dark: both</source>
        <translation>红：验证签名 · 蓝：参考签名 · 深色：两者重合</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Where it differs</source>
        <translation>不同之处</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>References ({count})</source>
        <translation>参考签名（{count}）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>distance {distance:.4f}</source>
        <translation>距离 {distance:.4f}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Where it differs: dark, the checked signature; light blue, its nearest reference, {how}; yellow to red, strokes of either without a counterpart in the other, brightest where the model&apos;s distance depends most on them. {share} of the ink lies where they differ most (orange or red).</source>
        <translation>不同之处：深色为被验证签名；浅蓝色为最接近的参考签名，{how}；黄色到红色为两者中在对方找不到对应的笔画，模型距离最依赖之处颜色最深。{share} 的笔迹位于差异最大之处（橙色或红色）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Drawn on a pad</source>
        <translation>手写板上签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pen and picture together {fused:.3f}: accept at or below {accept:.3f}, reject above {reject:.3f}; decided by {who}</source>
        <translation>笔迹与图像合并 {fused:.3f}：≤ {accept:.3f} 接受，&gt; {reject:.3f} 拒绝；由{who}决定</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the way it was written</source>
        <translation>书写方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the picture</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pen model</source>
        <translation>笔迹模型</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>shifted, turned and scaled onto it</source>
        <translation>已平移、旋转并缩放到与之对齐</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>{decision} by {operator}, {time} (audit entry #{id})</source>
        <translation>{operator} {decision}，{time}（审计日志第 {id} 条）</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The decision supports a trained person&apos;s judgement; it does not replace it. The audit entry above can be checked with “sigverify audit verify”.</source>
        <translation>此结论辅助受过培训的人员作出判断，而不能取代人的判断。上面的审计日志记录可用“sigverify audit verify”检查。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>as stored (the two could not be aligned)</source>
        <translation>按存储原样（两者无法对齐）</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/queue.py" line="-79"/>
        <source>Accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../sigverify/core/report_batch.py" line="-75"/>
        <source>could not check</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>Cut from the photo on the Verify page and checked again: {decision} (audit entry #{id}).</source>
        <translation>已在“验证”页从照片中裁出并重新核验：{decision}（审计日志第 {id} 条）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked again on the Verify page: {decision} (audit entry #{id}).</source>
        <translation>已在“验证”页重新核验：{decision}（审计日志第 {id} 条）。</translation>
    </message>
    <message>
        <location filename="../../sigverify/core/report_batch.py" line="-65"/>
        <source>model {models}</source>
        <translation>模型 {models}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accept at a distance of {accept:.4f} or less, reject above {reject:.4f}</source>
        <translation>距离不超过 {accept:.4f} 时接受，高于 {reject:.4f} 时拒绝</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n sets of thresholds (see the audit log)</source>
        <translation>
            <numerusform>%n 组阈值（见审计日志）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clerk: “{comment}” (audit entry #{id})</source>
        <translation>柜员：“{comment}”（审计日志第 {id} 条）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clerk: “{comment}”</source>
        <translation>柜员：“{comment}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk&apos;s audit entry #{id}</source>
        <translation>柜员的审计日志第 {id} 条</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clerk {operator}: “{comment}” (audit entry #{id})</source>
        <translation>柜员 {operator}：“{comment}”（审计日志第 {id} 条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk {operator}: “{comment}”</source>
        <translation>柜员 {operator}：“{comment}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk {operator}, audit entry #{id}</source>
        <translation>柜员 {operator}，审计日志第 {id} 条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clerk {operator}</source>
        <translation>柜员 {operator}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch verification summary</source>
        <translation>批量验证汇总</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n item(s): {accept} accepted, {review} to review, {reject} rejected, {errors} could not be checked.</source>
        <translation>
            <numerusform>%n 项：{accept} 项接受，{review} 项待复核，{reject} 项拒绝，{errors} 项无法验证。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where they stand: {accepted} accepted, {rejected} rejected, {waiting} waiting for a clerk.</source>
        <translation>当前状态：{accepted} 项接受，{rejected} 项拒绝，{waiting} 项等待柜员处理。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The machine&apos;s answers for %n item(s): {accept} accepted, {review} to review, {reject} rejected, {errors} could not be checked.</source>
        <translation>
            <numerusform>机器对 %n 项的判定：{accept} 项接受，{review} 项待复核，{reject} 项拒绝，{errors} 项无法验证。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n more item(s) in the queue not checked yet, not listed here.</source>
        <translation>
            <numerusform>队列中另有 %n 项尚未验证，未列在此处。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Clerks settled %n: {accepted} accepted, {rejected} rejected, {confirmed} confirmed.</source>
        <translation>
            <numerusform>柜员处理了 %n 项：接受 {accepted}，拒绝 {rejected}，确认 {confirmed}。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit row</source>
        <translation>审计行</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Made {time}</source>
        <translation>生成于 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by {operator}</source>
        <translation>（操作员：{operator}）</translation>
    </message>
</context>
<context>
    <name>shared_store</name>
    <message>
        <location filename="../../sigverify/gui/shared_store.py" line="-171"/>
        <source>Shared store</source>
        <translation>共享存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of the account “{account}” on the server {server}:</source>
        <translation>服务器 {server} 上账户“{account}”的密码：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Store on this computer</source>
        <translation>本机存储</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared store {database} on {server} ({account}, {role})</source>
        <translation>共享存储 {database}，位于 {server}（{account}，{role}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+16"/>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Address of a shared store, for example
postgresql://ann@branch-server/sigverify
Leave it empty for the store on this computer. sigverify opens it at its next start.</source>
        <translation>共享存储的地址，例如
postgresql://ann@branch-server/sigverify
留空则使用本机上的存储。sigverify 将在下次启动时打开它。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A shared store&apos;s address starts with postgresql://</source>
        <translation>共享存储的地址以 postgresql:// 开头</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <location filename="../../sigverify/core/sent_to_review.py" line="-26"/>
        <source>A picture of the whole paper, checked as it is: print, lines or other writing on it were compared too, so the answer may say little about the signature. Pick the signature out with Crop from page (on the Verify page).</source>
        <translation>整张纸的图片按原样验证：纸上的印刷内容、线条或其他字迹也参与了比较，结果可能难以说明签名本身。请用“从页面裁剪”选出签名（在“验证”页）。</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../sigverify/gui/widgets.py" line="-240"/>
        <source>accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+290"/>
        <source>Its training recipe was tested {splits} times, each time on {writers} people the model never saw, with {refs} reference signatures each: on average, at its threshold, it refuses {refused} of genuine signatures (they go to review or are rejected) and lets {accepted} of skilled forgeries through.</source>
        <translation>其训练方案共测试了 {splits} 次，每次都在模型从未见过的 {writers} 人身上进行，每人 {refs} 个参考签名：平均而言，在其阈值下，它会拒识{refused}的真实签名（转为需复核或被拒绝），并放行{accepted}的熟练伪造签名。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Measured on %n person(s) it never saw, with {refs} reference signatures each: at its threshold it refuses {refused} of genuine signatures (they go to review or are rejected) and lets {accepted} of skilled forgeries through.</source>
        <translation>
            <numerusform>在它从未见过的 %n 人身上测量，每人 {refs} 个参考签名：在其阈值下，它会拒识{refused}的真实签名（转为需复核或被拒绝），并放行{accepted}的熟练伪造签名。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>none ({percent})</source>
        <translation>0 个（{percent}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all ({percent})</source>
        <translation>全部（{percent}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>about {n} in 10 ({percent})</source>
        <translation>约 10 个中 {n} 个（{percent}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about 1 in {n} ({percent})</source>
        <translation>约 {n} 个中 1 个（{percent}）</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/signature_input.py" line="-209"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pen recordings</source>
        <translation>笔迹记录</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n file(s) could not be used:</source>
        <translation>
            <numerusform>%n 个文件无法使用：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Added the other %n file(s).</source>
        <translation>
            <numerusform>其余 %n 个文件已添加。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The clipboard holds no picture. Copy a signature image first.</source>
        <translation>剪贴板中没有图片。请先复制一张签名图像。</translation>
    </message>
    <message>
        <location filename="../../sigverify/gui/widgets.py" line="+9"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours:.1f} h</source>
        <translation>{hours:.1f} 小时</translation>
    </message>
</context>
</TS>
