package io.signflow.support;

import com.google.gson.annotations.Expose;
import com.google.gson.annotations.SerializedName;
import com.tencentcloudapi.ess.v20201111.models.CcInfo;
import com.tencentcloudapi.ess.v20201111.models.FlowGroupInfo;
import java.util.HashMap;

/**
 * The SDK's FlowGroupInfo with the two fields its CreateFlowByFiles counterpart has and it lacks (3.1.1436), CcInfos and
 * CcNotifyType, so the official client sends copied parties exactly as a newer one does (the SDK
 * writes a subclass's exposed fields into the JSON body, and {@link #toMap} into flattened requests).
 */
public class FlowGroupInfoWithCopies extends FlowGroupInfo {

    @SerializedName("CcInfos")
    @Expose
    private CcInfo[] ccInfos;

    @SerializedName("CcNotifyType")
    @Expose
    private Long ccNotifyType;

    public FlowGroupInfoWithCopies(FlowGroupInfo info, Long ccNotifyType, CcInfo... ccInfos) {
        super(info);
        this.ccInfos = ccInfos;
        this.ccNotifyType = ccNotifyType;
    }

    public static CcInfo cc(String name, String mobile) {
        CcInfo cc = new CcInfo();
        cc.setName(name);
        cc.setMobile(mobile);
        return cc;
    }

    @Override
    public void toMap(HashMap<String, String> map, String prefix) {
        super.toMap(map, prefix);
        setParamArrayObj(map, prefix + "CcInfos.", ccInfos);
        setParamSimple(map, prefix + "CcNotifyType", ccNotifyType);
    }
}
